using System.Runtime.InteropServices;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// The engine-owned JavaScript heap in unmanaged memory. Small cells come from per-size-class
/// chunks with free lists; cells above <see cref="MaxSmall"/> bytes go to the large-object space,
/// one native allocation each. The heap never moves a cell, so machine code may embed addresses.
/// Allocation never collects: it only raises <see cref="GcRequested"/>, which the interpreter
/// honours at its next safepoint.
/// </summary>
internal sealed unsafe class Heap : IDisposable
{
    static readonly int[] SizeClasses = [16, 32, 48, 64, 80, 96, 128, 160, 192, 256, 320, 384, 512, 768, 1024, 1536, 2048];
    public const int MaxSmall = 2048;
    const int ChunkBytes = 256 * 1024;
    static readonly byte[] ClassOfSize = BuildClassTable();

    /// <summary>A size class: its chunks (managed) and its allocation state (in <see cref="AllocationTable"/>).</summary>
    sealed class SizeClass(int size, AllocationTable.Class* state)
    {
        public readonly int Size = size;
        public readonly List<(nint Start, nint End)> Chunks = [];
        public ref nint FreeList => ref state->FreeList;
        public ref nint Bump => ref state->Bump;
        public ref nint BumpEnd => ref state->BumpEnd;
    }

    readonly SizeClass[] classes;
    readonly HashSet<nint> large = [];
    long externalBytes;
    readonly AllocationTable* table;
    long gcThreshold = 8 * 1024 * 1024;
    bool stress;

    /// <summary>
    /// The allocator's state in unmanaged memory, which baseline code allocates small cells from
    /// inline (see <see cref="AllocationTable"/>); it lives as long as the heap.
    /// </summary>
    public AllocationTable* Table => table;

    /// <summary>Bytes in cells and buffers currently allocated (live or not yet swept).</summary>
    public long AllocatedBytes { get => table->AllocatedBytes; private set => table->AllocatedBytes = value; }
    /// <summary>Bytes allocated since the last collection.</summary>
    public long AllocatedSinceGc { get => table->AllocatedSinceGc; private set => table->AllocatedSinceGc = value; }
    /// <summary>Collection threshold in bytes of new allocation.</summary>
    public long GcThreshold { get => gcThreshold; set { gcThreshold = value; UpdateInlineLimit(); } }

    /// <summary>
    /// GC stress: a collection at the first safepoint after <see cref="StressBytes"/> of new
    /// allocation (see the Architecture notes: stress is "collect after any allocation").
    /// </summary>
    public bool Stress { get => stress; set { stress = value; UpdateInlineLimit(); } }

    /// <summary>New allocation after which GC stress collects at the next safepoint.</summary>
    public const long StressBytes = 256;

    /// <summary>Whether the next safepoint is to collect (a collection requested, or due under stress).</summary>
    public bool CollectionDue => GcRequested || (stress && AllocatedSinceGc >= StressBytes);

    /// <summary>
    /// Allocation that keeps <see cref="AllocatedSinceGc"/> at or below this cannot make a collection
    /// due (<see cref="CollectionDue"/>), which is the condition for allocating inline in machine code:
    /// anything that would cross it goes through <see cref="Allocate"/> and the interpreter.
    /// </summary>
    void UpdateInlineLimit() => table->InlineLimit = stress ? Math.Min(gcThreshold, StressBytes - 1) : gcThreshold;
    /// <summary>Set by allocation when a collection is due; cleared by the collector.</summary>
    public bool GcRequested;
    /// <summary>Hard limit on <see cref="TotalBytes"/> (0 = none), checked by the collector.</summary>
    public long MaxBytes;
    public long TotalBytes => AllocatedBytes + externalBytes;
    /// <summary>Bytes allocated before the last collection, summed over all collections (see <see cref="TotalAllocatedBytes"/>).</summary>
    long allocatedBeforeLastGc;
    /// <summary>Every byte ever allocated (cells, value buffers, external buffers): the numerator of the allocation rate.</summary>
    public long TotalAllocatedBytes => allocatedBeforeLastGc + AllocatedSinceGc;
    /// <summary>
    /// The largest <see cref="TotalBytes"/> seen by a collection or by <see cref="NotePeak"/>. The heap
    /// only grows between collections, so sampling it when a collection starts (and when statistics
    /// are read) finds the peak without a check on the allocation path.
    /// </summary>
    public long PeakBytes { get; private set; }

    /// <summary>Folds the current size into <see cref="PeakBytes"/>.</summary>
    public void NotePeak() => PeakBytes = Math.Max(PeakBytes, TotalBytes);
    public long ChunkBytesReserved { get; private set; }

    /// <summary>Machine code uses the table's constant offsets: a layout that disagrees must fail loudly.</summary>
    static void CheckTableLayout()
    {
        if (Marshal.OffsetOf<AllocationTable>(nameof(AllocationTable.AllocatedBytes)) != AllocationTable.AllocatedBytesOffset
            || Marshal.OffsetOf<AllocationTable>(nameof(AllocationTable.AllocatedSinceGc)) != AllocationTable.AllocatedSinceGcOffset
            || Marshal.OffsetOf<AllocationTable>(nameof(AllocationTable.InlineLimit)) != AllocationTable.InlineLimitOffset
            || Marshal.OffsetOf<AllocationTable>(nameof(AllocationTable.RopesCreated)) != AllocationTable.RopesCreatedOffset
            || Marshal.OffsetOf<AllocationTable>("classes") != AllocationTable.ClassesOffset
            || Marshal.OffsetOf<AllocationTable>(nameof(AllocationTable.ClassOfSize)) != AllocationTable.ClassOfSizeOffset
            || Marshal.OffsetOf<AllocationTable.Class>(nameof(AllocationTable.Class.Size)) != AllocationTable.SizeOffset)
            throw new InvalidOperationException("AllocationTable's offsets do not match its layout");
    }

    public Heap()
    {
        CheckTableLayout();
        table = (AllocationTable*)NativeMemory.AllocZeroed((nuint)sizeof(AllocationTable));
        classes = new SizeClass[SizeClasses.Length];
        for (int i = 0; i < classes.Length; i++)
        {
            classes[i] = new SizeClass(SizeClasses[i], table->ClassState(i));
            table->ClassState(i)->Size = SizeClasses[i];
        }
        for (int i = 0; i < ClassOfSize.Length; i++) table->ClassOfSize[i] = ClassOfSize[i];
        UpdateInlineLimit();
    }

    /// <summary>The size class (index into <see cref="AllocationTable"/>) a small cell of <paramref name="size"/> bytes gets.</summary>
    public static int SizeClassOf(int size) => ClassOfSize[(Math.Max(size, 16) + 15) / 16];

    /// <summary>The bytes a cell of size class <paramref name="sizeClass"/> takes.</summary>
    public static int SizeOfClass(int sizeClass) => SizeClasses[sizeClass];

    static byte[] BuildClassTable()
    {
        var t = new byte[MaxSmall / 16 + 1];
        int c = 0;
        for (int s = 0; s <= MaxSmall; s += 16)
        {
            while (SizeClasses[c] < s) c++;
            t[s / 16] = (byte)c;
        }
        return t;
    }

    /// <summary>Allocates a zeroed cell of <paramref name="size"/> bytes with the given kind.</summary>
    public nint Allocate(int size, CellKind kind)
    {
        if (size < 16) size = 16;
        nint cell;
        byte sc;
        int actual;
        if (size > MaxSmall)
        {
            actual = (size + 15) & ~15;
            cell = (nint)NativeMemory.AlignedAlloc((nuint)actual, 16);
            NativeMemory.Clear((void*)cell, (nuint)actual);
            large.Add(cell);
            sc = 255;
            *(int*)(cell + 8 + 0) = 0;
        }
        else
        {
            sc = ClassOfSize[(size + 15) / 16];
            var c = classes[sc];
            actual = c.Size;
            if (c.FreeList != 0)
            {
                cell = c.FreeList;
                c.FreeList = *(nint*)(cell + 8);
            }
            else
            {
                if (c.Bump + actual > c.BumpEnd) NewChunk(c);
                cell = c.Bump;
                c.Bump += actual;
            }
            NativeMemory.Clear((void*)cell, (nuint)actual);
        }
        *(byte*)cell = (byte)kind;
        *(byte*)(cell + 2) = sc;
        AllocatedBytes += actual;
        AllocatedSinceGc += actual;
        if (AllocatedSinceGc > GcThreshold) GcRequested = true;
        return cell;
    }

    void NewChunk(SizeClass c)
    {
        nint start = (nint)NativeMemory.AlignedAlloc(ChunkBytes, 4096);
        int usable = ChunkBytes / c.Size * c.Size;
        c.Chunks.Add((start, start + usable));
        c.Bump = start;
        c.BumpEnd = start + usable;
        ChunkBytesReserved += ChunkBytes;
    }

    /// <summary>Allocates a native buffer of values owned by a cell (slots, elements); initialised to <paramref name="fill"/>.</summary>
    public ulong* AllocBuffer(int header, int capacity, ulong fill)
    {
        long bytes = 8L * (header + capacity);
        var p = (ulong*)NativeMemory.Alloc((nuint)bytes);
        new Span<ulong>(p + header, capacity).Fill(fill);
        p[header - 1] = (ulong)capacity;
        externalBytes += bytes;
        AllocatedSinceGc += bytes;
        if (AllocatedSinceGc > GcThreshold) GcRequested = true;
        return p + header;
    }

    public void FreeBuffer(ulong* values, int header, int capacity)
    {
        if (values == null) return;
        externalBytes -= 8L * (header + capacity);
        NativeMemory.Free(values - header);
    }

    /// <summary>
    /// Memory compiled code took outside the heap since the last collection (bytecode, feedback
    /// vectors, machine code): it dies with the functions, which only a collection finds, so it
    /// makes a collection due like allocation does (without counting as heap bytes).
    /// </summary>
    public long CompiledSinceGc;

    /// <summary>Counts <paramref name="bytes"/> of compiled code towards the next collection (see <see cref="CompiledSinceGc"/>).</summary>
    public void NoteCompiledCode(long bytes) { CompiledSinceGc += bytes; if (CompiledSinceGc > GcThreshold) GcRequested = true; }

    public void NoteExternal(long bytes) { externalBytes += bytes; AllocatedSinceGc += Math.Max(0, bytes); if (AllocatedSinceGc > GcThreshold) GcRequested = true; }

    /// <summary>Calls <paramref name="keep"/> for every allocated cell; returning false frees it (after it has been finalized by the visitor).</summary>
    public void Sweep(Func<nint, bool> keep)
    {
        foreach (var c in classes)
        {
            foreach (var (start, end) in c.Chunks)
            {
                nint stop = (c.Bump >= start && c.Bump <= end) ? c.Bump : end;
                for (nint p = start; p < stop; p += c.Size)
                {
                    if (*(byte*)p == (byte)CellKind.Free) continue;
                    if (keep(p)) continue;
                    *(byte*)p = (byte)CellKind.Free;
                    *(nint*)(p + 8) = c.FreeList;
                    c.FreeList = p;
                    AllocatedBytes -= c.Size;
                }
            }
        }
        List<nint>? dead = null;
        foreach (var p in large)
            if (!keep(p)) (dead ??= []).Add(p);
        if (dead != null)
            foreach (var p in dead)
            {
                large.Remove(p);
                AllocatedBytes -= LargeSize(p);
                NativeMemory.AlignedFree((void*)p);
            }
        allocatedBeforeLastGc += AllocatedSinceGc;
        AllocatedSinceGc = 0;
        CompiledSinceGc = 0;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every allocated cell of <paramref name="kind"/>, without
    /// freeing anything: for releasing what cells own outside the heap when the whole heap goes.
    /// </summary>
    public void ForEachCell(CellKind kind, Action<nint> visit)
    {
        foreach (var c in classes)
        {
            foreach (var (start, end) in c.Chunks)
            {
                nint stop = (c.Bump >= start && c.Bump <= end) ? c.Bump : end;
                for (nint p = start; p < stop; p += c.Size)
                    if (*(byte*)p == (byte)kind) visit(p);
            }
        }
        foreach (var p in large)
            if (*(byte*)p == (byte)kind) visit(p);
    }

    /// <summary>Size of a large cell, from its kind's layout.</summary>
    static long LargeSize(nint p) => Layout.Kind(p) switch
    {
        CellKind.String => (Layout.StringChars + 2L * Layout.StrLength(p) + 15) & ~15,
        CellKind.Context => (Layout.ContextSlots + 8L * Layout.Aux(p) + 15) & ~15,
        CellKind.FixedArray => (Layout.FixedArrayValues + 8L * Layout.Aux(p) + 15) & ~15,
        _ => 0,
    };

    public void Dispose()
    {
        foreach (var c in classes)
        {
            foreach (var (start, _) in c.Chunks) NativeMemory.AlignedFree((void*)start);
            c.Chunks.Clear();
            c.FreeList = c.Bump = c.BumpEnd = 0;
        }
        foreach (var p in large) NativeMemory.AlignedFree((void*)p);
        large.Clear();
        // The table stays: compiled code and a late statistics read may still look at it; zeroed
        // class states make every inline allocation miss.
    }

    ~Heap() => NativeMemory.Free(table);
}

/// <summary>
/// The size-class allocator's hot state in unmanaged memory at fixed offsets, shared by
/// <see cref="Heap.Allocate"/> and baseline code, which allocates small cells inline: it pops a
/// free-list cell or bumps the class's pointer, zeroes the cell, writes the size class into its
/// header and counts the bytes, exactly as <see cref="Heap.Allocate"/> does, and leaves anything
/// else (a new chunk, a collection made due) to it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AllocationTable
{
    public const int AllocatedBytesOffset = 0, AllocatedSinceGcOffset = 8, InlineLimitOffset = 16, RopesCreatedOffset = 24;
    public const int ClassesOffset = 32, ClassStride = 32;
    public const int FreeListOffset = 0, BumpOffset = 8, BumpEndOffset = 16, SizeOffset = 24;
    const int ClassCount = 17;
    /// <summary>Where <see cref="ClassOfSize"/> starts: byte (size + 15) / 16 is the size class of a small cell of that size.</summary>
    public const int ClassOfSizeOffset = ClassesOffset + ClassCount * ClassStride;

    /// <summary>One size class: free cells linked through their second word, then the bump range.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Class
    {
        public nint FreeList, Bump, BumpEnd;
        public long Size;
    }

    public long AllocatedBytes;
    public long AllocatedSinceGc;
    /// <summary>The most <see cref="AllocatedSinceGc"/> may reach by inline allocation (see Heap.UpdateInlineLimit).</summary>
    public long InlineLimit;
    /// <summary>Rope cells made so far, by <c>Realm.Concat</c> and baseline code's inline concatenation (statistics).</summary>
    public long RopesCreated;
    fixed long classes[ClassCount * ClassStride / 8];
    /// <summary>The size class of each small size in 16-byte steps (at <see cref="ClassOfSizeOffset"/>).</summary>
    public fixed byte ClassOfSize[Heap.MaxSmall / 16 + 1];

    public Class* ClassState(int index)
    {
        System.Diagnostics.Debug.Assert((uint)index < ClassCount);
        fixed (long* p = classes) return (Class*)((byte*)p + index * ClassStride);
    }
}
