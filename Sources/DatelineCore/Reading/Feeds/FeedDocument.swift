/// What a feed reader reads: a feed, or (from OPML) a list of subscriptions.
public enum FeedDocument: Sendable, Hashable {
  case feed(Feed)
  case outlines(OutlineList)
}
