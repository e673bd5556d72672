using System.Text.Json;

namespace Flywheel.Profiling;

// The JSON form. Written field by field with Utf8JsonWriter (no reflection, a fixed field order)
// so the bytes depend only on the data: that is what makes save → load → save byte-identical.
public sealed partial class Profile
{
    private const string FormatName = "flywheel-profile";

    /// <summary>Writes the profile as indented UTF-8 JSON.</summary>
    /// <param name="stream">Destination; left open.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteTo(writer);
    }

    /// <summary>The profile as indented JSON text.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a profile written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">Source; left open.</param>
    /// <exception cref="InvalidDataException">The JSON is not a profile of a supported version.</exception>
    public static Profile Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = JsonDocument.Parse(stream);
            return ProfileReader.Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not a valid {FormatName} document: {e.Message}", e);
        }
    }

    /// <summary>Parses a profile from JSON text.</summary>
    /// <param name="json">The text.</param>
    public static Profile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream);
    }

    internal void WriteTo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteNumber("version", CurrentVersion);
        w.WriteStartArray("functions");
        foreach (var f in Functions) WriteFunction(w, f);
        w.WriteEndArray();
        w.WriteStartArray("callTree");
        foreach (var node in CallTree)
        {
            w.WriteStartObject();
            w.WriteNumber("parent", node.Parent);
            w.WriteNumber("function", node.Function);
            w.WriteNumber("self", node.SelfSamples);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sampleNodes");
        foreach (var sample in Samples) w.WriteNumberValue(sample.Node);
        w.WriteEndArray();
        w.WriteStartArray("sampleTimestamps");
        foreach (var sample in Samples) w.WriteNumberValue(sample.TimestampMicroseconds);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFunction(Utf8JsonWriter w, FunctionProfile f)
    {
        w.WriteStartObject();
        w.WriteString("key", f.Function.Key);
        w.WriteString("name", f.Function.Name);
        w.WriteString("url", f.Function.Url);
        w.WriteNumber("line", f.Function.Line);
        w.WriteNumber("column", f.Function.Column);
        w.WriteString("tier", Names.Of(f.Tier));
        w.WriteNumber("invocations", f.Invocations);
        w.WriteNumber("backEdges", f.BackEdges);
        w.WriteNumber("ticks", f.Ticks);
        w.WriteNumber("stableTicks", f.StableTicks);
        w.WriteNumber("deoptimizations", f.Deoptimizations);
        w.WriteBoolean("baselineDisabled", f.BaselineDisabled);
        w.WriteBoolean("optimizationDisabled", f.OptimizationDisabled);
        w.WriteStartArray("slots");
        foreach (var s in f.Slots)
        {
            w.WriteStartObject();
            w.WriteString("kind", Names.Of(s.Kind));
            w.WriteNumber("offset", s.BytecodeOffset);
            w.WriteStartArray("types");
            foreach (var (flag, name) in TypeFeedbackExtensions.AllCategories)
                if ((s.Types & flag) != 0) w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteNumber("stableTicks", s.StableTicks);
            w.WriteString("cache", Names.Of(s.CacheState));
            w.WriteNumber("distinct", s.DistinctKeys);
            w.WriteNumber("count", s.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
