namespace Flywheel.Profiling;

/// <summary>
/// The state of an inline cache. It only moves forward:
/// Uninitialized → Monomorphic → Polymorphic → Megamorphic (a state may also be skipped, never
/// re-entered). Stored as a byte at <see cref="FeedbackLayout.CacheStateOffset"/>.
/// </summary>
public enum InlineCacheState : byte
{
    /// <summary>Never executed, or executed without anything to cache.</summary>
    Uninitialized = 0,
    /// <summary>Exactly one shape (or call target) seen.</summary>
    Monomorphic = 1,
    /// <summary>Two to <see cref="FeedbackLayout.MaxCacheEntries"/> shapes seen, all cached.</summary>
    Polymorphic = 2,
    /// <summary>More shapes than fit: the site no longer caches; entries are cleared.</summary>
    Megamorphic = 3,
}
