using System.Text.Json;

namespace Flywheel.Profiling;

/// <summary>
/// Exports a profile's samples in the Chrome DevTools <c>.cpuprofile</c> format, which DevTools,
/// speedscope and VS Code open: <c>nodes</c> (id, callFrame, hitCount, children), <c>startTime</c>,
/// <c>endTime</c>, <c>samples</c> and <c>timeDeltas</c>, all times in microseconds.
/// </summary>
/// <remarks>
/// Node ids are call-tree indices plus one (id 1 is <c>(root)</c>); every sample names a node;
/// the start time is the first sample's timestamp, so the time deltas sum to
/// <c>endTime - startTime</c>. Call frames use DevTools' 0-based line and column numbers and one
/// <c>scriptId</c> per distinct URL.
/// </remarks>
public static class CpuProfileExporter
{
    /// <summary>Writes the <c>.cpuprofile</c> JSON.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="stream">Destination; left open.</param>
    public static void Write(Profile profile, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream);
        var tree = profile.CallTree;
        var children = new List<int>[tree.Count];
        for (var i = 0; i < tree.Count; i++) children[i] = [];
        for (var i = 1; i < tree.Count; i++) children[tree[i].Parent].Add(i);
        var scriptIds = new Dictionary<string, int>(StringComparer.Ordinal);

        w.WriteStartObject();
        w.WriteStartArray("nodes");
        for (var i = 0; i < tree.Count; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", i + 1);
            w.WriteStartObject("callFrame");
            var f = tree[i].Function;
            if (f < 0) WriteFrame(w, "(root)", "0", "", -1, -1);
            else
            {
                var info = profile.Functions[f].Function;
                var scriptId = info.Url.Length == 0 ? 0 : ScriptId(scriptIds, info.Url);
                WriteFrame(w, info.Name, scriptId.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Url, info.Line - 1, info.Column - 1);
            }
            w.WriteEndObject();
            w.WriteNumber("hitCount", tree[i].SelfSamples);
            w.WriteStartArray("children");
            foreach (var child in children[i]) w.WriteNumberValue(child + 1);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var samples = profile.Samples;
        var start = samples.Count > 0 ? samples[0].TimestampMicroseconds : 0;
        w.WriteNumber("startTime", start);
        w.WriteNumber("endTime", samples.Count > 0 ? samples[^1].TimestampMicroseconds : 0);
        w.WriteStartArray("samples");
        foreach (var sample in samples) w.WriteNumberValue(sample.Node + 1);
        w.WriteEndArray();
        w.WriteStartArray("timeDeltas");
        var previous = start;
        foreach (var sample in samples)
        {
            w.WriteNumberValue(sample.TimestampMicroseconds - previous);
            previous = sample.TimestampMicroseconds;
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>.cpuprofile</c> JSON as text.</summary>
    /// <param name="profile">The profile.</param>
    public static string ToJson(Profile profile)
    {
        using var stream = new MemoryStream();
        Write(profile, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFrame(Utf8JsonWriter w, string name, string scriptId, string url, int line, int column)
    {
        w.WriteString("functionName", name);
        w.WriteString("scriptId", scriptId);
        w.WriteString("url", url);
        w.WriteNumber("lineNumber", Math.Max(line, -1));
        w.WriteNumber("columnNumber", Math.Max(column, -1));
    }

    private static int ScriptId(Dictionary<string, int> ids, string url)
    {
        if (!ids.TryGetValue(url, out var id)) ids.Add(url, id = ids.Count + 1);
        return id;
    }
}
