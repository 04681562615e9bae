using System.Collections.Frozen;

namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// Word lists that tune <see cref="ContactDetailsDetector"/> so that it flags real contact details
/// without tripping on ordinary prose, prices, code and file names.
/// </summary>
internal static class ContactDetailWordLists
{
    /// <summary>
    /// Top-level domains accepted for a bare domain such as <c>acme.io</c>. The list leaves out
    /// endings that double as common file extensions (<c>.py</c>, <c>.md</c>, <c>.sh</c>, <c>.rs</c>, <c>.pl</c>,
    /// <c>.cc</c>, <c>.ai</c>, <c>.zip</c>, …) and short endings that are English words or common code
    /// members (<c>.it</c>, <c>.is</c>, <c>.to</c>, <c>.in</c>, <c>.at</c>, <c>.be</c>, <c>.name</c>, <c>.email</c>, …).
    /// </summary>
    public static readonly FrozenSet<string> PrimaryTopLevelDomains = ToSet(
        "com", "net", "org", "edu", "gov", "io", "co", "dev", "app", "me", "biz", "info", "xyz", "tech",
        "online", "site", "store", "shop", "blog", "jobs", "careers", "agency", "studio", "design",
        "digital", "website", "tv", "fm", "ly", "gg", "gl", "eu", "uk", "de", "fr", "nl", "es", "ch", "se",
        "fi", "dk", "ru", "cn", "jp", "kr", "ca", "au", "nz", "ie", "br", "mx", "ar", "za", "sg", "hk", "tw",
        "il", "tr", "gr", "pt", "cz", "sk", "hu", "ro", "bg", "ua", "lt", "lv", "ee", "ng", "ke", "ph", "vn",
        "cl", "pe", "ae", "sa", "eg", "pk", "bd", "lk", "th", "si", "hr", "lu", "li", "mt", "cy");

    /// <summary>
    /// Endings that are real top-level domains but also file extensions, English words or code members.
    /// They count as a web address only with scheme, <c>www.</c>, a path (<c>acme.ai/jobs</c>), an e-mail
    /// <c>@</c>, or inside a disguised address.
    /// </summary>
    public static readonly FrozenSet<string> SecondaryTopLevelDomains = ToSet(
        "ai", "it", "is", "to", "in", "at", "be", "us", "no", "pl", "cloud", "pro", "page", "link", "email",
        "name", "my", "do", "id", "am", "as", "go", "tk", "ml", "ms", "cv", "im", "fit", "show",
        "live", "life", "world", "today", "team", "work", "one", "club", "space", "art", "news", "media",
        "run", "software", "network", "solutions", "services", "consulting", "company", "group", "global",
        "zone", "center", "expert", "works", "systems", "tools", "codes", "chat", "social", "vip", "top",
        "wtf", "fun", "lol", "pw", "ws", "nu", "gd", "st", "la", "ac", "ad", "tm", "vc");

    /// <summary>File extensions: a "domain" ending in one of these is a file name, also after an <c>@</c>.</summary>
    public static readonly FrozenSet<string> FileExtensions = ToSet(
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "rtf", "txt", "csv", "json", "xml",
        "yml", "yaml", "toml", "ini", "cfg", "conf", "log", "md", "html", "htm", "css", "scss", "less",
        "js", "mjs", "cjs", "jsx", "ts", "tsx", "cs", "csproj", "sln", "fs", "vb", "java", "kt", "kts",
        "py", "ipynb", "rb", "php", "go", "rs", "swift", "c", "h", "cpp", "hpp", "cc", "sh", "ps1", "bat",
        "sql", "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "psd", "ai", "eps",
        "fig", "sketch", "mp3", "mp4", "mov", "avi", "mkv", "wav", "zip", "rar", "gz", "tgz", "7z", "tar",
        "exe", "dll", "so", "jar", "apk", "ipa", "dmg", "iso", "bin", "dat", "lock", "env", "tf", "vue",
        "svelte", "dart", "lua", "pl", "r", "ex", "exs", "erl", "hs", "scala", "gradle", "razor", "cshtml");

    /// <summary>
    /// Domain-like technology names that are skills rather than addresses (e.g. <c>asp.net</c>).
    /// </summary>
    public static readonly FrozenSet<string> TechnologyNames = ToSet(
        "asp.net", "ado.net", "vb.net", "ml.net", "dot.net", "socket.io", "signalr.net", "mono.net");

    /// <summary>
    /// Identifiers that, written before a dot, mark a code expression such as <c>this.app</c> or <c>user.info</c>.
    /// </summary>
    public static readonly FrozenSet<string> CodeReceivers = ToSet(
        "this", "self", "that", "window", "document", "console", "process", "module", "exports", "req",
        "res", "request", "response", "obj", "object", "props", "state", "ctx", "context", "user", "users",
        "config", "options", "opts", "settings", "args", "event", "evt", "err", "error", "data", "item",
        "items", "result", "results", "logger", "log", "math", "json", "app", "server", "client", "model",
        "view", "controller", "service", "api", "db", "store", "vm", "el", "element", "node", "env", "os",
        "sys", "np", "pd", "df", "plt", "tf", "torch", "http", "router", "route", "page", "form", "input",
        "output", "file", "files", "path", "url", "uri", "string", "array", "list", "map", "set", "task",
        "job", "jobs", "person", "customer", "account", "order", "entity", "record", "row", "value", "values",
        "key", "item", "params", "query", "body", "headers", "session", "cookie", "cache", "local", "global",
        "parent", "child", "root", "base", "super", "new", "old", "prev", "next", "current", "target", "source");

    /// <summary>
    /// Words that, written before "at", show that "at" is an ordinary preposition ("good at", "meet at")
    /// rather than a disguised <c>@</c>.
    /// </summary>
    public static readonly FrozenSet<string> WordsBeforePrepositionAt = ToSet(
        "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "who", "someone",
        "anyone", "everyone", "people", "team", "teams", "is", "am", "are", "was", "were", "be", "been",
        "being", "look", "looks", "looked", "looking", "meet", "meets", "met", "meeting", "work", "works",
        "worked", "working", "job", "jobs", "role", "roles", "position", "arrive", "arrived", "arriving",
        "stay", "stayed", "staying", "live", "lives", "lived", "living", "study", "studied", "studying",
        "based", "located", "available", "good", "great", "better", "best", "bad", "expert", "skilled",
        "experienced", "proficient", "excellent", "strong", "fluent", "start", "starts", "started",
        "starting", "end", "ends", "ended", "begin", "begins", "here", "there", "where", "home", "office",
        "remote", "online", "least", "most", "only", "just", "even", "also", "still", "right", "exactly",
        "and", "or", "but", "not", "all", "both", "either", "intern", "interned", "engineer", "developer",
        "designer", "manager", "lead", "leader", "senior", "junior", "staff", "hired", "employed",
        "join", "joined", "joining", "apply", "applied", "aim", "aimed", "aiming", "point", "pointed",
        "laugh", "smile", "stare", "glance", "peek", "arrive", "call", "called", "email", "mail", "reach",
        "contact", "write", "text", "message", "them", "shop", "shopping", "eat", "ate", "sit", "sat",
        "stop", "stopped", "open", "opened", "close", "closed", "priced", "price", "rate", "rated", "set",
        "fixed", "capped", "starting", "paid", "valued", "estimated", "speaker", "speaking", "spoke",
        "talk", "talked", "presented", "present", "keynote", "volunteer", "volunteered", "taught",
        "teach", "teaching", "lecturer", "professor", "researcher", "student", "graduated", "graduate",
        "degree", "courses", "course", "classes", "class", "internship", "freelancing", "freelance",
        "consultant", "contractor", "cto", "ceo", "cfo", "coo", "vp", "head", "director", "founder",
        "cofounder", "co-founder", "partner", "member", "currently", "previously", "formerly", "now",
        "then", "today", "tonight", "tomorrow", "yesterday", "time", "times", "once", "twice", "back",
        "up", "down", "out", "in", "on", "off", "over", "under", "again", "away", "arrives", "lands",
        "land", "landed", "ships", "shipped", "hosted", "host", "hosting", "deployed", "live", "running",
        "runs", "run", "built", "build", "launched", "launch", "available", "found", "find", "seen",
        "see", "check", "checked", "visit", "visited", "us", "our", "my", "your", "their", "his", "its",
        "more", "info", "details", "information", "available", "listed", "posted", "published", "online");

    /// <summary>
    /// Words that, written right after a plain "at", name a place or time rather than a mail domain
    /// ("at the dot com", "at a dot com startup").
    /// </summary>
    public static readonly FrozenSet<string> WordsAfterPrepositionAt = ToSet(
        "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these",
        "those", "some", "any", "all", "each", "every", "one", "no", "home", "work", "school", "least",
        "most", "best", "first", "last", "once", "night", "noon", "midnight", "lunch", "dinner", "times",
        "hand", "heart", "ease", "risk", "scale", "speed", "large", "length", "random", "will", "which",
        "what", "whatever", "whichever", "several", "many", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "about", "around", "approximately", "roughly", "over", "under", "big",
        "small", "another", "other", "www");

    /// <summary>
    /// Words that cannot be a handle after a platform label ("Telegram: integration via bot API",
    /// "Discord: community server").
    /// </summary>
    public static readonly FrozenSet<string> NonHandleWords = ToSet(
        "a", "an", "the", "i", "we", "you", "they", "it", "is", "are", "was", "be", "our", "my", "your",
        "their", "its", "this", "that", "these", "those", "yes", "no", "not", "none", "na", "nil", "null",
        "available", "unavailable", "upon", "on", "off", "online", "offline", "request", "requested",
        "broken", "down", "dead", "blocked", "banned", "busy", "preferred", "only", "ok", "okay",
        "required", "optional", "later", "soon", "and", "or", "but", "for", "to", "in", "with", "via", "if",
        "see", "below", "above", "tbd", "same", "please", "business", "group", "groups", "integration",
        "integrations", "api", "apis", "bot", "bots", "app", "apps", "channel", "channels", "server",
        "servers", "community", "support", "web", "desktop", "mobile", "calls", "call", "chat", "chats",
        "messages", "message", "video", "voice", "experience", "used", "use", "using", "ads", "ad",
        "marketing", "campaigns", "campaign", "account", "accounts", "page", "pages", "profile", "link",
        "links", "number", "id", "handle", "username", "name", "contact", "details", "info", "also",
        "too", "both", "either", "neither", "all", "any", "some", "most", "more", "less", "yes", "nope",
        "sure", "fine", "good", "great", "fast", "slow", "free", "paid", "premium", "official", "new",
        "old", "active", "inactive", "open", "closed", "public", "private", "internal", "external",
        "stickers", "status", "stories", "story", "reels", "posts", "post", "feed", "clone", "sdk",
        "webhooks", "webhook", "notifications", "notification", "login", "sign", "signin", "oauth");

    /// <summary>Currency codes and words: a number next to one of these is an amount, not a phone number.</summary>
    public static readonly FrozenSet<string> CurrencyWords = ToSet(
        "usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "jpy", "cny", "rmb", "inr", "rub", "pln", "sek",
        "nok", "dkk", "czk", "huf", "ron", "try", "brl", "mxn", "zar", "sgd", "hkd", "aed", "ils", "krw",
        "uah", "btc", "eth", "usdt", "dollar", "dollars", "euro", "euros", "pound", "pounds", "franc",
        "francs", "yen", "rupee", "rupees", "bucks", "cents", "sats");

    /// <summary>Units and counted nouns: a number followed by one of these is a quantity.</summary>
    public static readonly FrozenSet<string> QuantityWords = ToSet(
        "k", "m", "mln", "mio", "bn", "b", "million", "millions", "billion", "billions", "thousand",
        "users", "user", "requests", "req", "rows", "records", "people", "employees", "customers",
        "clients", "downloads", "views", "visitors", "visits", "followers", "subscribers", "lines",
        "items", "transactions", "members", "tokens", "km", "miles", "kg", "tons", "bytes", "kb", "mb",
        "gb", "tb", "ms", "seconds", "times", "points", "words", "characters", "chars", "steps", "units",
        "pieces", "copies", "devices", "installs", "students", "orders", "messages", "emails", "events",
        "hits", "impressions", "sessions", "queries", "products", "listings", "pages", "files", "documents",
        "images", "tests", "commits", "stars", "per", "rps", "qps", "ops", "pcs", "sq", "square", "sqm",
        "meters", "metres", "feet", "ft", "hours", "hrs", "minutes", "mins", "days", "weeks", "months",
        "years", "rub", "shares", "votes", "likes", "clicks", "leads", "signups", "accounts", "entries",
        "nodes", "pods", "servers", "vms", "calls", "jobs", "rpm", "tps", "iops", "pixels", "px", "dpi");

    /// <summary>Words that introduce an identifier rather than a phone number ("order 12345678").</summary>
    public static readonly FrozenSet<string> IdentifierWords = ToSet(
        "order", "invoice", "ticket", "ref", "reference", "id", "sku", "isbn", "issn", "serial",
        "tracking", "transaction", "case", "po", "iban", "acct", "vat", "ein", "batch", "build",
        "version", "commit", "issue", "pr", "bug", "item", "part", "model", "lot", "receipt", "claim",
        "policy", "license", "licence", "registration", "reg", "inv", "txn", "doi", "pmid", "arxiv");

    /// <summary>
    /// Words after an at sign that are code annotations, style-sheet rules, template directives or group
    /// mentions rather than a person's handle (<c>@Override</c>, <c>@media</c>, <c>@everyone</c>).
    /// </summary>
    public static readonly FrozenSet<string> NonHandleAtWords = ToSet(
        "override", "test", "autowired", "component", "service", "injectable", "input", "output",
        "media", "import", "keyframes", "font", "supports", "charset", "namespace", "layer", "container",
        "apply", "tailwind", "extend", "include", "mixin", "use", "forward", "each", "function", "return",
        "param", "returns", "throws", "throw", "deprecated", "see", "since", "author", "type", "typedef",
        "example", "link", "inheritdoc", "summary", "model", "using", "inject", "code", "functions",
        "foreach", "for", "if", "else", "while", "switch", "section", "layout", "html", "helper",
        "page", "rendersection", "renderbody", "attribute", "implements", "inherits", "here", "channel",
        "everyone", "all", "interface", "end", "implementation", "synthesize", "property", "protocol",
        "dataclass", "staticmethod", "classmethod", "abstractmethod", "pytest", "app", "route", "get",
        "post", "put", "delete", "patch", "controller", "restcontroller", "requestmapping", "getmapping",
        "postmapping", "putmapping", "deletemapping", "entity", "table", "column", "id", "transactional",
        "bean", "configuration", "springbootapplication", "value", "data", "builder", "getter", "setter",
        "slf4j", "nonnull", "nullable", "suppresswarnings", "functionalinterface", "before", "after",
        "beforeeach", "aftereach", "beforeall", "afterall", "mock", "injectmocks", "spy", "parameterizedtest",
        "displayname", "jsonproperty", "pipe", "directive", "ngmodule", "hostlistener", "viewchild",
        "observable", "action", "computed", "state", "prop", "emit", "watch", "click", "submit", "change",
        "types", "babel", "angular", "vue", "nestjs", "storybook", "testing", "mui", "emotion", "sveltejs",
        "aws", "azure", "google", "microsoft", "octokit", "trpc", "tanstack", "reduxjs", "prisma",
        "rendermode", "attribute", "typeparam", "preservewhitespace", "bind", "onclick", "ref", "key",
        "context", "global", "local", "font-face", "counter", "property", "scope", "sealed", "unchecked",
        "home", "work", "office", "school", "night", "noon", "lunch", "dinner", "weekend", "events");

    private static FrozenSet<string> ToSet(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
