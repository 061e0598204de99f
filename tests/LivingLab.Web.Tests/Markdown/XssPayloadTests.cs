using LivingLab.Web.Markdown;

namespace LivingLab.Web.Tests.Markdown;

public sealed class XssPayloadTests
{
    // Known payloads: raw HTML, scheme tricks in inline, reference and autolinks, images, titles, code and tables.
    public static TheoryData<string> Payloads() => new(
    [
        // Raw HTML, which must come out as text.
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"&#97;lert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<x onclick=alert(1)>click me</x>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<isindex action=javascript:alert(1) type=image>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<!-- <script>alert(1)</script> -->",
        "<!--><script>alert(1)</script>-->",
        "<div>\n\n<script>alert(1)</script>\n\n</div>",
        "**<img src=x onerror=alert(1)>**",
        "~~<script>alert(1)</script>~~",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "[<img src=x onerror=alert(1)>](https://ok.example/)",
        "<a href=\"[x](javascript:alert(1))\">markdown inside an attribute</a>",

        // Inline links with refused schemes, plain and obfuscated.
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](java&#13;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](&#x01;javascript:alert(1))",
        "[x](&#0;javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](< javascript:alert(1)>)",
        "[x](<ja\tvascript:alert(1)>)",
        "[x](javascript://%0aalert(1))",
        "[x](javascript%3Aalert(1))",
        "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
        "[x](javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>)",
        "[x](vbscript:msgbox(1))",
        "[x](VBScript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](data:image/png;base64,iVBORw0KGgo=)",
        "[x](file:///etc/passwd)",
        "[x](//xss.example/a.js)",
        "[x](/\\xss.example/a.js)",
        "[x](#javascript:alert(1))",
        "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
        "[x](https://ok.example \"<script>alert(1)</script>\")",
        "[x](https://ok.example/\"onmouseover=\"alert(1))",

        // Images.
        "![x](javascript:alert(1))",
        "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](https://xss.example/a.png\"onerror=\"alert(1))",
        "![x\" onerror=\"alert(1)](https://xss.example/a.png)",
        "[![img](javascript:alert(1))](javascript:alert(2))",
        "[![img](https://ok.example/a.png)](javascript:alert(2))",

        // Autolinks.
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD4=>",
        "<file:///etc/passwd>",
        "javascript:alert(1)",
        "www.xss.example<script>alert(1)</script>",
        "http://ok.example/?q=\"><script>alert(1)</script>",
        "ftp://xss.example/file",

        // Reference-style links and nesting.
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x]\n\n[x]: javascript:alert(1) \"title\"",
        "[x][r]\n\n[r]: <java&#x09;script:alert(1)>",
        "![x][r]\n\n[r]: data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "[[x](javascript:alert(1))](https://ok.example/)",
        "[a [b](javascript:alert(1)) c](https://ok.example/)",
        "- [x](javascript:alert(1))\n  1. ![y](vbscript:z)",
        "> [x](javascript:alert(1))",

        // Code: the info string and code spans must stay text.
        "```\"><script>alert(1)</script>\ncode\n```",
        "```js onmouseover=alert(1)\ncode\n```",
        "`<script>alert(1)</script>`",
    ]);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_renders_without_script_handlers_or_unsafe_urls(string payload)
    {
        var html = MarkdownRenderer.Render(payload);

        var problems = HtmlSafety.Problems(html);

        Assert.True(problems.Count == 0, $"{payload}\n=> {html}\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_payloads()
    {
        Assert.True(Payloads().Count >= 50);
    }

    [Fact]
    public void The_checker_catches_what_it_is_meant_to_catch()
    {
        // Guards the guard: if the checker went blind, every payload test above would pass vacuously.
        Assert.NotEmpty(HtmlSafety.Problems("<script>alert(1)</script>"));
        Assert.NotEmpty(HtmlSafety.Problems("<p onclick=\"x()\">x</p>"));
        Assert.NotEmpty(HtmlSafety.Problems("<a href=\"java&#x09;script:alert(1)\" rel=\"nofollow ugc noopener\">x</a>"));
        Assert.NotEmpty(HtmlSafety.Problems("<a href=\"//evil.example\" rel=\"nofollow ugc noopener\">x</a>"));
        Assert.NotEmpty(HtmlSafety.Problems("<a href=\"https://ok.example/\">x</a>"));
        Assert.NotEmpty(HtmlSafety.Problems("<p style=\"background:url(x)\">x</p>"));
        Assert.Empty(HtmlSafety.Problems("<p><a href=\"https://ok.example/\" rel=\"nofollow ugc noopener\">x</a></p>"));
    }
}
