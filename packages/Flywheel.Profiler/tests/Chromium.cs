using System.Diagnostics;
using Xunit;

namespace Flywheel.Testing;

/// <summary>
/// Renders a page in headless Chromium and returns the DOM after its scripts ran. Shared by the
/// profiler's and the engine's report tests (linked into both test projects).
/// </summary>
internal static class Chromium
{
    public static string RenderDom(string html)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        Assert.True(chromium != null,
            "Chromium is not installed: the HTML report test needs it (Debian: apt-get install -y chromium; eng/install-deps.sh installs it).");
        var dir = Directory.CreateTempSubdirectory("flywheel-report-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(page, html);
            var profileDir = Path.Combine(dir.FullName, "chromium-profile");
            var start = new ProcessStartInfo(chromium!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profileDir, "--dump-dom", new Uri(page).AbsoluteUri,
            }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 90 s");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { /* chromium may still hold its profile dir briefly */ }
        }
    }
}
