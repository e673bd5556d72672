using System.Text.RegularExpressions;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed partial class HtmlReportTests
{
    /// <summary>A small program's profile whose hottest function is registered last, so only sorting puts it first.</summary>
    private static Profile SampleProgram()
    {
        var profiler = new Profiler(new TieringOptions { Budget = 10, BaselineInvocations = 20 });
        var main = Register(profiler, "main", FeedbackSlotKind.Call);
        var helper = Register(profiler, "helper<script>", FeedbackSlotKind.PropertyLoad);
        var hottest = Register(profiler, "hottestLoop", FeedbackSlotKind.LoopHeader, FeedbackSlotKind.BinaryOperation);
        main.RecordInvocation();
        for (var i = 0; i < 30; i++) helper.RecordInvocation();
        for (ulong shape = 1; shape <= 9; shape++) helper.RecordShape(0, shape, 0);
        for (var i = 0; i < 5; i++) hottest.RecordInvocation();
        for (var i = 0; i < 500; i++) hottest.RecordBackEdge(0);
        hottest.RecordTypes(1, TypeFeedback.SmallInt);
        long t = 0;
        for (var i = 0; i < 40; i++) profiler.RecordSample([main.Id, hottest.Id], t += 1000);
        for (var i = 0; i < 10; i++) profiler.RecordSample([main.Id, helper.Id], t += 1000);
        profiler.RecordSample([main.Id], t += 1000);
        return profiler.CreateSnapshot();
    }

    [Fact]
    public void Report_is_self_contained()
    {
        var html = HtmlReport.Render(SampleProgram(), title: "T & <b>");
        Assert.DoesNotMatch(@"(src|href)\s*=", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("<title>T &amp; &lt;b&gt;</title>", html);
        // Names are data: a name containing <script> must not appear raw inside the page's script.
        Assert.DoesNotContain("helper<script>", html);
        Assert.Contains("helper\\u003Cscript\\u003E", html);
    }

    [Fact]
    public void Report_renders_in_headless_chromium_with_the_hottest_function_first()
    {
        var dom = Flywheel.Testing.Chromium.RenderDom(HtmlReport.Render(SampleProgram()));
        Assert.Contains("<div id=\"errors\"></div>", dom); // window.onerror writes script errors there
        Assert.Contains("data-rendered=\"true\"", dom);
        var body = FunctionsBody().Match(dom);
        Assert.True(body.Success, "the functions table body is missing from the DOM:\n" + dom);
        var rows = Row().Matches(body.Groups[1].Value).Select(m => m.Value).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Contains("<span class=\"fn-name\">hottestLoop</span>", rows[0]);
        Assert.Contains("helper&lt;script&gt;", rows[1]);
        Assert.Contains("property load at test.js:1:1:helper&lt;script&gt;@0 is megamorphic: 9 shapes", dom);
        Assert.Contains("class=\"tree-name\">hottestLoop<", dom);
        var loops = LoopsBody().Match(dom);
        Assert.True(loops.Success);
        Assert.Contains("<td>hottestLoop</td><td>@0</td><td class=\"num\">500</td>", loops.Groups[1].Value);
    }

    [GeneratedRegex("<tbody id=\"functions-body\">(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex FunctionsBody();

    [GeneratedRegex("<tbody id=\"loops-body\">(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex LoopsBody();

    [GeneratedRegex("<tr class=\"row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
