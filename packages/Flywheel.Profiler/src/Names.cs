namespace Flywheel.Profiling;

/// <summary>
/// The camelCase spelling of every enum value, shared by traces, JSON and reports so that one
/// vocabulary is written and parsed everywhere.
/// </summary>
internal static class Names
{
    public static string Of<T>(T value) where T : struct, Enum => Table<T>.ToName[value];

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum =>
        Table<T>.FromName.TryGetValue(name, out value);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToName =
            Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => CamelCase(v.ToString()));

        public static readonly Dictionary<string, T> FromName =
            ToName.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
