using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// Patterns for requests for contact details. They run on <see cref="ContactRequestText"/> (lower case, one space
/// between words, disguises undone). A contact word counts only where its noun phrase ends: "your email?" and
/// "your number so I can call" ask, "your email marketing experience" and "your number one priority" do not.
/// </summary>
internal static partial class ContactDetailPatterns
{
    private const RegexOptions Request = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string You = @"(?:your|yur|yor|ur|yr|you'?re|ure|u'?r)";
    private const string Number = @"(?:number|numbr|nmbr|numb|num|no|nr|#)";

    private const string Messenger =
        @"whats ?app|watsapp|whatsap|whatapp|watsap|wa|tele ?gram|tg|skype|signal|viber|we ?chat|weixin|discord|line|kik|threema|snap ?chat|snap|"
        + @"insta(?:gram)?|ig|facebook|fb|messenger|twitter|linked ?in|tiktok|imessage|facetime";

    /// <summary>Messengers whose name is no ordinary word ("do you have signal there?" asks about reception).</summary>
    private const string ClearMessenger =
        @"whats ?app|watsapp|whatsap|tele ?gram|skype|viber|we ?chat|weixin|discord|kik|threema|snap ?chat|instagram|facebook|twitter|linked ?in|tiktok|imessage|facetime";

    /// <summary>What is asked for: a way of reaching someone outside the platform.</summary>
    private const string ContactNoun =
        @"(?:(?:personal|private|direct|work|business|own|other|real) )?"
        + @"(?:(?:e ?)?mail(?: ?(?:address|adress|addy|id|add))?|gmail|hotmail|(?:home|postal|physical|mailing) address|address"
        + @"|(?:phone|fone|ph|mobile|cell|cellphone|tele?phone|tel|contact|whats ?app|wa|viber|signal|telegram) ?" + Number
        + @"|phone|fone|mobile(?: phone)?|cell ?phone|cell|tele?phone|digits|number|numbr|nmbr"
        + @"|contact(?: ?(?:details?|info|information|email|address|data))?|contacts"
        + @"|(?:" + Messenger + @")(?: ?(?:id|handle|user ?name|name|account|tag|@))?"
        + @"|socials|social media(?: (?:handles?|accounts?|links?|profiles?))?|social (?:handles?|accounts?|links?)|handle)";

    /// <summary>The same, without words that are too ambiguous to be asked for in one word ("Number? It is a string.").</summary>
    private const string ClearContactNoun =
        @"(?:e ?mail(?: ?(?:address|adress|addy|id))?|(?:phone|mobile|cell|contact|whats ?app|wa) ?(?:number|numbr|no|#)"
        + @"|whats ?app|watsapp|telegram|skype(?: id)?|we ?chat|viber|insta(?:gram)?|socials|contact (?:details|info))";

    /// <summary>The platforms a conversation could move to.</summary>
    private const string Channel =
        @"(?:(?:the |a |my )?(?:phone|telephone|(?:phone|voice|mobile|whats ?app|telegram|skype|facetime) call|e ?mail|mail|sms|"
        + Messenger + @"|gmail|my (?:mobile|cell|number)|personal (?:e ?mail|number|phone|chat)))";

    /// <summary>Where a request's noun phrase ends: the end of a sentence, or a word that starts something new.</summary>
    private const string AfterNoun =
        @"(?=$|'?\s*[?!.,;:)\]…]|\s*(?:pl(?:ea)?se?|pls|plz|thanks|thank|thx|ty)\b"
        + @"|\s(?:so|and|or|if|then|because|cause|cuz|since|when|whenever|here|too|also|as well|asap|now|quickly|real quick|again|maybe|perhaps"
        + @"|i|i'll|i'd|i'm|we|we'll|we'd|we're|you|u|sir|madam|bro|mate|man|dear|buddy|friend|my friend|sometime|today|tomorrow|tonight|later|below"
        + @"|in (?:the |this )?chat|in dm|by dm|privately|directly|personally|instead|outside|off|real|quick|just|pretty|btw|bro|lol|with (?:me|us)|to (?:me|us))\b"
        + @"|\s(?:to|so i can|so we can|so that i can|so that we can) (?:reach|call|text|contact|message|msg|email|e ?mail|mail|ping|write|talk|chat|speak|get in touch|send|share|discuss|connect|follow up|set up|arrange|schedule|continue|move|add|whatsapp)\b"
        + @"|\s(?:on|at|in|via|over|through|for|from) (?:" + Messenger + @"|e ?mail|phone|sms|text|the phone)\b"
        + @"|\sfor (?:me|us|later|the future|future|contact|contacting|questions|quick questions|further|follow[- ]?ups?|updates|emergencies|urgent|the (?:invoice|contract|call|interview|meeting|paperwork|payment))\b)";

    /// <summary>
    /// After a noun someone is asked for ("send me your number", "what's your email"), also a purpose: "... to apply",
    /// "... to confirm". Asking whether someone has a thing stays with <see cref="AfterNoun"/> ("a phone to test on").
    /// </summary>
    private const string AfterAskedNoun = "(?:" + AfterNoun
        + @"|(?=\s(?:to|in order to|so (?:that )?(?:i|we) can) (?:apply|confirm|book|schedule|arrange|verify|register|sign|proceed|start|get started|finali[sz]e|onboard"
        + @"|invite|set|coordinate|follow|keep in touch|stay in touch|pay|agree|interview|meet|talk|discuss|chat|reach|contact|call|add|connect)\b))";

    /// <summary>Where a call or message being arranged ends: "can I call you?", "... you tomorrow", but not "... you Bob".</summary>
    private const string AfterCall =
        @"(?=$|\s*[?!.,;:)\]…]|\s(?:tomorrow|today|tonight|later|now|sometime|some time|this (?:week|afternoon|evening|morning)|next (?:week|monday|tuesday|wednesday|thursday|friday)"
        + @"|at \w+|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the phone|your|whats ?app|telegram|skype|viber|signal|my)|in (?:an? |\d|the (?:morning|afternoon|evening))"
        + @"|quickly|real quick|directly|privately|personally|instead|back|when|whenever|if|so|and|about|to (?:discuss|talk|explain|go over|chat|clarify)|for (?:a|an|\d|five|ten|fifteen)|please|pls|plz|asap)\b)";

    private const string Negation =
        @"(?:don'?t|do not|never|not|no need to|won'?t|will not|can'?t|cannot|can not|shouldn'?t|should not|mustn'?t|must not|without|avoid|refuse to|stop)";

    /// <summary>"what's your WhatsApp?", "what is ur email", "wats ur number".</summary>
    private const string AskWhatPattern =
        @"\b(?:wh?[au]t|wht|wut)(?:'?s|'?re| is| are|s)? (?:the )?(?:best |right |correct |good |preferred |actual |current |real |personal |private |direct )?" + You + " " + ContactNoun + AfterAskedNoun;

    /// <summary>"send me your email", "share ur number", "can I have your phone", "I need your WhatsApp", "mind sharing your email".</summary>
    private const string AskGivePattern =
        @"\b(?:(?:send|give|gimme|giv|share|drop|pass|leave|post|provide|tell|text|dm|pm|forward|write down|exchange|swap|trade"
        + @"|(?:mind|about|consider|try|recommend|suggest) (?:sending|giving|sharing|dropping|passing|providing|leaving|posting|telling))(?: (?:me|us|over|along|across))?(?: (?:with me|here|below|in the chat))?"
        + @"|(?:can|could|may|might|do|would) (?:i|we) (?:have|get|grab|take|ask for|ask|know|see|borrow|use)"
        + @"|(?:i|we)(?:'d| would| d)? (?:(?:need|want|require|like|love|wanna|gotta)(?: to (?:get|have|know|ask for))?|have to (?:get|have|know|ask for))"
        + @"|(?:possible|ok|okay|able|allowed) to (?:get|have|know|ask for)|(?:lemme|let me|let us) (?:have|get|know|see)) "
        + You + " " + ContactNoun + AfterAskedNoun;

    /// <summary>"your email please", "ur whatsapp pls".</summary>
    private const string AskPleasePattern = SentenceStart + You + " " + ContactNoun + @" ?(?:pl(?:ea)?se?|pls|plz)\b";

    /// <summary>"ur telegram?", "Hi, WhatsApp number?" as a question of its own.</summary>
    private const string AskShortPattern =
        @"(?:(?:^|[.!?:,] )" + You + " " + ClearContactNoun + @"|\b(?:hi|hey|hello|sir|ok|okay|so|btw)[,!]? (?:" + You + " )?" + ClearContactNoun
        + @"|\b(?:and|also|plus) " + You + " " + ContactNoun + @") ?\?";

    private const string SentenceStart = @"(?:^|[.!?:,] |\b(?:and|so|ok|okay|also|btw|hi|hey|hello|sir|now) )";

    /// <summary>"do you have WhatsApp?", "u on telegram?", "are you on Skype", "have you got an email".</summary>
    private const string AskHavePattern =
        @"\b(?:(?:do|d|did) (?:you|u|ya|yu) (?:have|got|use|have got)|(?:you|u|ya) (?:have|got|use|on)|(?:are|r) (?:you|u) (?:on|active on|available on|using|reachable on|reachable via)"
        + @"|have (?:you|u) got|is there) (?:an? |any )?(?:" + ClearMessenger + @"|e ?mail(?: address)?|phone(?: number)?|(?:mobile|cell|contact|whats ?app|personal|private|direct) (?:number|no|e ?mail)|number|mobile|cell ?phone)"
        + AfterNoun;

    /// <summary>"can I call you?", "could we text you tomorrow", "I'll call you", "ok if I whatsapp you".</summary>
    private const string AskCallPattern =
        @"\b(?:(?:(?:can|could|may|shall|should)|(?:would it be|is it) (?:ok|okay|fine|alright) if|(?:ok|okay|alright) if|mind if) (?:i|we)|let me|lemme|let us"
        + @"|i(?:'ll| will| can| could|'d like to| would like to| want to| wanna| may| might)|we(?:'ll| will| can| could|'d like to| would like to))"
        + @" (?:(?:call|ring|phone|text|sms|whats ?app|skype|telegram|facetime|e ?mail|mail) (?:you|u|ya)|give (?:you|u|ya) (?:a call|a ring|a buzz))" + AfterCall;

    /// <summary>"give me a call", "call me tomorrow", "call me back when you can", "shoot me an email", "send me a text".</summary>
    private const string CallMePattern =
        @"\b(?:give (?:me|us) (?:a )?(?:call|ring|buzz|bell)(?: back)?|(?:shoot|drop|send|flick|fire) (?:me|us) (?:an? )?(?:e ?mail|mail|text|sms|whats ?app(?: message)?|telegram(?: message)?)"
        + @"|(?:call|ring|phone) (?:me|us)(?: back)? (?:tomorrow|tonight|today|later|anytime|any time|asap|now|whenever|sometime|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|my (?:mobile|cell|phone|number))"
        + @"|when (?:you|u)(?:'re| are| r)? (?:free|can|available|ready|get a chance|have (?:a|some) (?:minute|moment|sec|time)))"
        + @"|(?:e ?mail|text|sms|whats ?app) (?:me|us)(?=\s*[.!]|\s*$| (?:asap|tomorrow|later|anytime|sometime|when you can)\b)"
        + @"|(?:a|an|quick|short|brief) (?:quick |short |brief |video |voice )?(?:call|chat|talk) (?:on|via|over|through|using) (?:the phone|phone|whats ?app|telegram|skype|viber|signal|we ?chat|facetime|imessage)"
        + @"|is (?:whats ?app|telegram|skype|viber|we ?chat|a phone call|the phone) (?:ok|okay|fine|good|alright) (?:for|with) (?:you|u))"
        + @"(?=$|\s*[?!.,;:)\]…]|\s(?:at|to|with|when|whenever|if|and|so|about|please|pls|tomorrow|later|sometime|once|after|before|asap|today|tonight|i|we|on|whenever|back|real quick)\b)";

    /// <summary>"how can I reach you?", "what's the best way to contact you", "is there a number I can call you on".</summary>
    private const string AskReachPattern =
        @"\b(?:(?:how|where|when) (?:can|could|do|should|would|shall|may) (?:i|we) (?:best )?(?:reach|contact|call|text|phone|ring|e ?mail|get (?:in touch with|hold of|ahold of)|message|dm|find) (?:you|u|ya)(?: (?:online|outside|directly|privately|elsewhere|off (?:the )?(?:platform|site|app)|on (?:" + Messenger + @")|by (?:phone|e ?mail)))?"
        + @"(?=$|\s*[?!.,;:)\]…]|\s(?:if|when|whenever|in case|later|after|outside|directly|privately|quickly|fastest|urgently|in an emergency|other than|besides|apart from|for (?:urgent|quick)|then)\b)"
        + @"|(?:what(?:'?s| is)|which is|tell me) the (?:best|easiest|fastest|quickest|right|preferred|good|simplest) (?:way|number|e ?mail|phone|method|channel|place|time) to (?:reach|contact|call|text|e ?mail|ring|phone|get (?:in touch with|hold of)) (?:you|u)"
        + @"|(?:can|could|may|shall) (?:i|we) (?:reach|contact|get hold of|get in touch with) (?:you|u) (?:by|on|via|over|through|at) " + Channel
        + @"|(?:give|send|share|tell) (?:me|us) (?:a|an|some|the) (?:number|phone number|e ?mail(?: address)?|contact|way) (?:i|we) (?:can|could) (?:call|reach|text|use|contact|e ?mail|write to)"
        + @"|is there (?:a|an|any|another|some) (?:number|phone(?: number)?|e ?mail(?: address)?|way|place|channel|contact|chat|app) (?:where |at which |on which |through which |that |which )?(?:i|we) (?:can|could|may) (?:reach|contact|call|text|e ?mail|ring|message|write to|get (?:in touch with|hold of)) (?:you|u))\b";

    private const string Suggest =
        @"(?:let'?s|lets|let us|we (?:can|could|should)|can we|could we|shall we|should we|i'?d (?:like|prefer|rather) to|i want to|wanna|want to|prefer to|better to"
        + @"|how about we|why don'?t we|maybe we (?:can|could|should)|happy to|would you (?:like|prefer|be open) to|are you (?:open|willing|ok|okay) to|is it (?:ok|okay|fine) to|i'?d rather)(?: just)?";

    private const string ConversationObject =
        @"(?:this|it|things|the conversation|this conversation|our conversation|the chat|this chat|our chat|the discussion|this discussion|the rest|everything|our talks)";

    /// <summary>"let's move this to email", "can we talk on the phone", "let's take this offline", "contact me directly".</summary>
    private const string MoveOffPattern =
        @"\b(?:" + Suggest + @" (?:talk|chat|speak|discuss|communicate|connect|continue|hop|jump)(?: " + ConversationObject + @"| further| more| directly| privately)?"
        + @" (?:on|over|via|through|by|onto|in|using|to|over on) " + Channel + ChannelEnd
        + @"|" + Suggest + @" (?:move|take|switch|shift|bring|carry) " + ConversationObject + @" (?:to|onto|over to|on|into|over) " + Channel + ChannelEnd
        + @"|(?:take|move|continue|bring|carry)(?: " + ConversationObject + @")?"
        + @" (?:offline|off ?(?:line|platform|site|the platform|the site|talentcloud|upwork|here)|outside(?: of)? (?:the |this )?(?:platform|site|app|talentcloud|upwork|marketplace|website)|elsewhere|somewhere else|to (?:another|a different|a private|a more private|my own|a personal) (?:app|channel|platform|place|chat))"
        + @"(?=$|\s*[?!.,;:)\]…]|\s(?:and|so|where|if|then|please|pls|now|we|i|to (?:chat|talk|discuss|continue))\b)"
        + @"|" + Suggest + @" (?:talk(?:ing)?|chat(?:ting)?|speak(?:ing)?|communicat(?:e|ing)|connect(?:ing)?|continu(?:e|ing)|deal(?:ing)?|work(?:ing)?|meet(?:ing)?|discuss(?:ing)?|coordinat(?:e|ing)|transact(?:ing)?)"
        + @"(?: (?:with )?(?:me|us|you|each other))?(?: directly)? (?:outside(?: of)?|off) (?:the |this )?(?:platform|site|app|talentcloud|upwork|marketplace|website)(?!')"
        + @"|(?:contact|reach|e ?mail|mail|call|text|ring|whats ?app) (?:me|us) (?:(?:directly|privately|personally)(?=\s*[.!]|\s*$| (?:at|on|via|by|outside)\b)|outside|off ?(?:platform|site)|on my (?:phone|mobile|cell|number|e ?mail|personal))"
        + @"|" + Suggest + @" (?:exchange|swap|trade|share) (?:our |some )?(?:contact(?:s| details| info| information| numbers?)?|numbers|phone numbers|e ?mails|e ?mail addresses|whats ?apps?|skypes?|socials|telegrams?))\b";

    private const string ChannelEnd =
        @"(?=$|\s*[?!.,;:)\]…]|\s(?:instead|then|so|and|if|it's|its|where|since|because|please|pls|now|later|today|tomorrow|for|to|it|i|we|which|rather|asap|directly|privately|more|quicker|easier|faster|better|about|call)\b)";

    /// <summary>"let me give you my number", "I'll send you my email", "I can text you my WhatsApp".</summary>
    private const string OfferOwnPattern =
        @"\b(?:i(?:'ll| will| can| could|'d like to| would like to| want to| wanna|'m going to| am going to| am gonna|'m gonna)|let me|lemme|allow me to|happy to)"
        + @" (?:give|send|share|text|dm|pm|pass|e ?mail|forward|drop|leave|write|post|whatsapp) (?:you |u |ya )?my " + ContactNoun + AfterAskedNoun;

    private const string NegationBeforePattern = @"\b" + Negation + @"(?: \S+){0,3} ?$";

    private const string NegationExceptionPattern = @"\b(?:why (?:don'?t|not|won'?t)|don'?t (?:hesitate|forget)|do not (?:hesitate|forget)|not sure|not yet)\b";

    [GeneratedRegex(AskWhatPattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskWhat();

    [GeneratedRegex(AskGivePattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskGive();

    [GeneratedRegex(AskPleasePattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskPlease();

    [GeneratedRegex(AskShortPattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskShort();

    [GeneratedRegex(AskHavePattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskHave();

    [GeneratedRegex(AskCallPattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskCall();

    [GeneratedRegex(CallMePattern, Request, TimeoutMilliseconds)]
    private static partial Regex CallMe();

    [GeneratedRegex(AskReachPattern, Request, TimeoutMilliseconds)]
    private static partial Regex AskReach();

    [GeneratedRegex(MoveOffPattern, Request, TimeoutMilliseconds)]
    private static partial Regex MoveOff();

    [GeneratedRegex(OfferOwnPattern, Request, TimeoutMilliseconds)]
    private static partial Regex OfferOwn();

    /// <summary>A negation among the last few words before a request ("please don't send me your number").</summary>
    [GeneratedRegex(NegationBeforePattern, Request, TimeoutMilliseconds)]
    internal static partial Regex NegationBefore();

    /// <summary>Negations that still ask ("why don't you send me your number", "don't hesitate to ...").</summary>
    [GeneratedRegex(NegationExceptionPattern, Request, TimeoutMilliseconds)]
    internal static partial Regex NegationException();

    /// <summary>Every request pattern, run in turn on the normalised text.</summary>
    internal static IReadOnlyList<Regex> ContactRequests { get; } =
        [AskWhat(), AskGive(), AskPlease(), AskShort(), AskHave(), AskCall(), CallMe(), AskReach(), MoveOff(), OfferOwn()];
}
