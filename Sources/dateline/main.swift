print("dateline")
