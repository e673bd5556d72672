using System.Text.Json;

namespace Flywheel.Profiling;

/// <summary>
/// Renders a profile as one self-contained HTML page (inline CSS and script, no network): a
/// sortable table of functions, a call tree of the samples with inclusive/self counts, per-site
/// feedback and the analysis findings. The data travels as JSON inside the page and the page's
/// script builds every table from it, in any browser, offline.
/// </summary>
public static class HtmlReport
{
    private const string DataMarker = "__FLYWHEEL_PROFILE_DATA__";
    private const string TitleMarker = "__FLYWHEEL_TITLE__";

    /// <summary>Writes the report.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="resolver">Source positions for sites (optional).</param>
    /// <param name="title">Page title.</param>
    public static void Write(Profile profile, TextWriter writer, ISourceResolver? resolver = null, string title = "Flywheel profile")
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(profile, resolver, title));
    }

    /// <summary>The report as a string.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="resolver">Source positions for sites (optional).</param>
    /// <param name="title">Page title.</param>
    public static string Render(Profile profile, ISourceResolver? resolver = null, string title = "Flywheel profile")
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(title);
        var analysis = ProfileAnalysis.Analyze(profile, resolver);
        return Template.Value
            .Replace(TitleMarker, System.Net.WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace(DataMarker, Data(profile, analysis, resolver, title), StringComparison.Ordinal);
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Flywheel.Profiling.Reports.report.html")
            ?? throw new InvalidOperationException("The report template is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // The default encoder escapes <, > and & inside strings, so no name can close the <script>.
    private static string Data(Profile profile, ProfileAnalysis analysis, ISourceResolver? resolver, string title)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            w.WriteNumber("sampleCount", profile.Samples.Count);
            w.WriteStartArray("functions");
            foreach (var hot in analysis.HottestFunctions.OrderBy(h => h.Function))
            {
                var f = profile.Functions[hot.Function];
                w.WriteStartObject();
                w.WriteNumber("index", hot.Function);
                w.WriteString("name", f.Function.DisplayName);
                w.WriteString("key", f.Function.Key);
                w.WriteString("tier", Names.Of(f.Tier));
                w.WriteNumber("invocations", f.Invocations);
                w.WriteNumber("backEdges", f.BackEdges);
                w.WriteNumber("self", hot.SelfSamples);
                w.WriteNumber("total", hot.TotalSamples);
                w.WriteNumber("deopts", f.Deoptimizations);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("tree");
            foreach (var node in profile.CallTree)
            {
                w.WriteStartArray();
                w.WriteNumberValue(node.Parent);
                w.WriteNumberValue(node.Function);
                w.WriteNumberValue(node.SelfSamples);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("loops");
            foreach (var loop in analysis.HottestLoops)
            {
                w.WriteStartObject();
                w.WriteString("function", loop.Info.DisplayName);
                w.WriteString("where", loop.Location?.ToString() ?? $"@{loop.BytecodeOffset}");
                w.WriteNumber("backEdges", loop.BackEdges);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteSites(w, profile, resolver);
            w.WriteStartArray("findings");
            foreach (var finding in analysis.Findings)
            {
                w.WriteStartObject();
                w.WriteString("kind", Names.Of(finding.Kind));
                w.WriteString("message", finding.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSites(Utf8JsonWriter w, Profile profile, ISourceResolver? resolver)
    {
        w.WriteStartArray("sites");
        for (var fi = 0; fi < profile.Functions.Count; fi++)
        {
            var f = profile.Functions[fi];
            for (var si = 0; si < f.Slots.Count; si++)
            {
                var s = f.Slots[si];
                if (s.Types == TypeFeedback.None && s.CacheState == InlineCacheState.Uninitialized && s.Count == 0) continue;
                var where = resolver != null && resolver.TryResolve(f.Function, s.BytecodeOffset, out var location)
                    ? location.ToString() : $"@{s.BytecodeOffset}";
                w.WriteStartObject();
                w.WriteString("function", f.Function.DisplayName);
                w.WriteNumber("slot", si);
                w.WriteString("kind", ProfileAnalysis.Describe(s.Kind));
                w.WriteString("where", where);
                w.WriteString("types", s.Types.Describe());
                w.WriteString("cache", s.Kind.HasInlineCache() ? Names.Of(s.CacheState) : "");
                w.WriteNumber("distinct", s.DistinctKeys);
                w.WriteNumber("count", s.Count);
                w.WriteNumber("stable", s.StableTicks);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }
}
