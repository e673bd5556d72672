namespace Flywheel.JsGen;

/// <summary>Where fuzz targets keep the inputs they found: <c>fuzz/findings/&lt;target&gt;/</c> (ignored by git).</summary>
public static class Findings
{
    /// <summary>Writes a finding and returns its path.</summary>
    public static string Save(string target, string fileName, string content)
    {
        var dir = Path.Combine(FuzzDirectory(), "findings", target);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    // The fuzz/ folder above the running target's bin/ folder; the working directory if not found.
    static string FuzzDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (d.Name == "fuzz" && File.Exists(Path.Combine(d.FullName, "run"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }
}
