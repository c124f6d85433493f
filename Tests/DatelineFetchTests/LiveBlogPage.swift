import Foundation

/// A fictional live-blog page of `posts` posts, newest first, in the plainest article markup (a heading per
/// post): what any HTML reader must split into updates.
enum LiveBlogPage {
  static func html(posts: Int, edited: Int? = nil) -> String {
    var body = ""
    for n in stride(from: posts, through: 1, by: -1) {
      let extra = n == edited ? " Officials later corrected the figures." : ""
      body += """
        <section id="post-\(n)"><h2>Update \(n) from the harbour</h2>
        <p>Passengers at the terminal were told about development number \(n) by the operator.\(extra)</p>
        <p>The union said development \(n) changed nothing about the dispute.</p></section>

        """
    }
    return """
      <!doctype html><html><head><meta charset="utf-8"><title>Ferry strike live: crossings to the islands halted</title>
      <meta name="description" content="Crews walked out at dawn over rosters."></head>
      <body><nav><a href="/">Home</a></nav><main><article>
      <h1>Ferry strike live: crossings to the islands halted</h1>
      <p>Crews walked out at dawn over rosters, and unions and the operator are due to meet later today.</p>
      \(body)</article></main><footer>Share this page</footer></body></html>
      """
  }
}
