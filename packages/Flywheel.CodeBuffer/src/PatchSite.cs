namespace Flywheel.MachineCode;

/// <summary>
/// A named range of bytes in finished code that is meant to be rewritten after installation,
/// such as an inline cache's shape constant or a call target.
/// </summary>
/// <param name="Name">What the site is, for listings and lookups.</param>
/// <param name="Offset">The offset of the first byte within the code.</param>
/// <param name="Size">How many bytes may be rewritten.</param>
public readonly record struct PatchSite(string Name, int Offset, int Size);

/// <summary>A comment attached to an offset in the code, shown in listings.</summary>
/// <param name="Offset">The code offset the comment describes.</param>
/// <param name="Text">The comment.</param>
public readonly record struct CodeAnnotation(int Offset, string Text);

/// <summary>A range of the code that holds data, such as a constant pool.</summary>
/// <param name="Offset">The first byte of the data.</param>
/// <param name="Length">The number of bytes.</param>
public readonly record struct DataRegion(int Offset, int Length);
