// Data for the generic HTML classifier (html_generic.cpp): the words that
// betray what a page region is for, and lines that are chrome wherever they
// stand. Kept apart from the logic so they can be tuned, or extended for a
// language, without reading the algorithm. All entries are lower case.
//
// Class and id tokens are matched two ways. A "fragment" is searched for
// inside each token ("sidebar" hits "left-sidebar-wrapper"), which suits long,
// unambiguous words. A "word" must equal a whole piece of a token split at
// '-' and '_' ("ad" hits "ad-slot" and "top_ad", not "header" or "read"),
// which suits short words that occur inside innocent ones.
#pragma once

#include <string_view>

namespace winnow::html {

// Regions that are not the article: navigation, chrome, widgets, ads.
inline constexpr std::string_view kNegativeFragments[] = {
    "comment", "disqus", "sidebar", "footer", "masthead", "breadcrumb", "navbar", "navigation", "menu",
    "related", "recommend", "trending", "popular", "most-read", "mostread", "more-stories", "newsletter",
    "subscribe", "signup", "sign-up", "cookie", "consent", "gdpr", "share", "sharing", "social", "follow-us",
    "advert", "sponsor", "promo", "outbrain", "taboola", "popup", "modal", "pagination", "pager",
    "widget", "toolbar", "byline", "author-bio", "skip-link", "screen-reader", "sr-only", "visually-hidden",
    "print-only", "read-more", "readmore", "also-read", "see-also", "jump-link", "tags", "keywords",
    "credit", "caption", "copyright", "teaser", "banner", "login", "paywall", "overlay"};

inline constexpr std::string_view kNegativeWords[] = {
    "ad", "ads", "adv", "nav", "foot", "meta", "tool", "tools", "rss", "aside", "extra",
    "tag", "topics", "timestamp", "date", "dateline", "author", "bio", "more", "next", "prev", "links",
    "header", "masthead", "utility", "promo", "cta", "feedback", "survey", "signature", "image", "img",
    "photo", "picture", "gallery", "figure"};

// Class prefixes of a post's taxonomy labels ("tag-jobs", "category-news"),
// read as labels on an element that carries a post signature
// (html_generic.cpp, is_post_signature).
inline constexpr std::string_view kTaxonomyPrefixes[] = {"tag-", "category-", "author-", "format-", "status-",
                                                          "type-", "post_tag-", "topic-"};

// Words of a story's collapsed continuation ("Continue reading" expanders):
// on a region holding most of the page's good text they are not chrome.
inline constexpr std::string_view kContinuationFragments[] = {"read-more", "readmore", "more-text", "expand",
                                                               "collapsed", "continue"};

// Regions that hold the article.
inline constexpr std::string_view kPositiveFragments[] = {
    "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose", "paragraph",
    "hentry", "instapaper_body"};

// Tags whose subtree is chrome unless it holds most of the page's good text
// (some sites wrap the whole page in a <form> or a <header>).
inline constexpr std::string_view kChromeTags[] = {"nav", "aside", "footer", "header", "form", "menu",
                                                   "dialog", "address", "fieldset", "figcaption"};

// Whole lines that are chrome wherever they stand, compared after lower-casing.
inline constexpr std::string_view kChromeLines[] = {
    "advertisement", "advertisement:", "ad", "sponsored", "sponsored content", "story continues below",
    "story continues below advertisement", "continue reading", "continue reading below", "read more",
    "read more:", "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "comments", "leave a comment", "related", "related:",
    "related articles", "related stories", "recommended", "more from", "sign up", "subscribe",
    "click here", "photo", "image", "video", "watch", "listen", "close", "menu", "search", "loading",
    "loading...", "skip to content", "skip to main content", "back to top", "top", "follow us",
    "copyright", "all rights reserved", "getty images", "ap photo", "reuters", "advert", "advertisment",
    "this slideshow requires javascript.", "enable javascript", "share this:", "like this:", "tags:", "tags"};

// Beginnings of short, unpunctuated lines that are bylines, datelines of the
// page (not of the story), credits. Matched on lower-cased text.
inline constexpr std::string_view kBylinePrefixes[] = {
    "by ", "updated", "published", "posted ", "posted:", "last updated", "last modified", "photo:", "photo by",
    "image:", "credit:", "\xC2\xA9", "copyright", "written by", "reporting by", "editing by", "trending:", "more:"};

// Phrases of promotions for the site itself (newsletters, subscriptions,
// social accounts). A short line with one of them at either end of the
// article is an appeal to the reader, not part of the story.
inline constexpr std::string_view kPromoPhrases[] = {
    "sign up", "subscribe", "newsletter", "click here", "to your inbox", "follow us", "follow him",
    "follow her", "like us on facebook", "on twitter @", "download our app", "get the app", "share this",
    "share it with", "support our journalism", "become a member", "for more information, visit",
    "delivered through your letterbox"};

// Lines after which a region holds no more article: lists of other stories.
// Only honoured once most of the region's text is behind us, so an inline
// "Related:" link in the middle of an article does not cut it.
inline constexpr std::string_view kStopLines[] = {
    "related links:", "related links", "related articles", "related articles:", "related stories",
    "related stories:", "related content", "related news", "related posts", "related", "related:",
    "top stories", "more stories", "more from", "more news", "latest news", "most popular", "most read",
    "you may also like", "you might also like", "recommended for you", "recommended", "read next",
    "read more", "read more:", "also read", "see also", "trending", "trending now", "popular posts",
    "recent posts", "comments", "leave a comment", "leave a reply", "post a comment", "join the discussion"};

}  // namespace winnow::html
