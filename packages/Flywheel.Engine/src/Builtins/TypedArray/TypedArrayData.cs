using System.Runtime.InteropServices;

namespace Flywheel.Engine.Builtins
{
    /// <summary>
    /// An ArrayBuffer's bytes, in native memory owned by the engine, freed when the buffer object dies.
    /// The data pointer is kept in a small unmanaged header at a fixed address, which typed arrays
    /// over the buffer point to (<see cref="TypedArrayLayout"/>), so baseline code reaches the bytes
    /// without managed objects and a detach (clearing the pointer) is seen by every view at once.
    /// </summary>
    internal sealed unsafe class ArrayBufferData : IDisposable
    {
        /// <summary>The buffer's data pointer (null once detached or freed).</summary>
        public readonly byte** Header;
        public int Length;
        readonly Heap heap;

        public ArrayBufferData(Heap heap, int length)
        {
            this.heap = heap;
            Length = length;
            Header = (byte**)NativeMemory.Alloc((nuint)sizeof(byte*));
            *Header = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(1, length));
            heap.NoteExternal(length);
        }

        public byte* Data => *Header;

        bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            if (*Header != null)
            {
                NativeMemory.Free(*Header);
                heap.NoteExternal(-Length);
            }
            NativeMemory.Free(Header);
        }
    }

    /// <summary>
    /// What a typed array object keeps in its header and internal slots for machine code, besides its
    /// managed <see cref="TypedArrayData"/>: header byte 5 = <see cref="TypedKind"/>; internal slot 0 =
    /// the buffer's <see cref="ArrayBufferData.Header"/> address plus <see cref="JsValue.DoubleOffset"/>
    /// (so it reads as a number, which the collector skips); slot 1 = the element count and slot 2 =
    /// the byte offset, as int32 values.
    /// </summary>
    internal static unsafe class TypedArrayLayout
    {
        public const int KindByte = 5;
        public const int BufferHeaderSlot = Layout.ObjInternal0, LengthSlot = Layout.ObjInternal0 + 8, ByteOffsetSlot = Layout.ObjInternal0 + 16;

        public static void Init(nint o, ArrayBufferData buffer, TypedArrayData view)
        {
            *(TypedKind*)(o + KindByte) = view.Kind;
            *(ulong*)(o + BufferHeaderSlot) = (ulong)buffer.Header + JsValue.DoubleOffset;
            Layout.Internal(o, 1) = JsValue.FromInt(view.Length);
            Layout.Internal(o, 2) = JsValue.FromInt(view.ByteOffset);
        }
    }

    internal enum TypedKind : byte { Int8, Uint8, Uint8Clamped, Int16, Uint16, Int32, Uint32, Float32, Float64 }

    /// <summary>A typed array's view: its buffer object, byte offset, element count and element kind.</summary>
    internal sealed unsafe class TypedArrayData(Realm realm, JsValue buffer, int byteOffset, int length, TypedKind kind) : ITraceable
    {
        public readonly JsValue Buffer = buffer;
        public readonly int ByteOffset = byteOffset;
        public readonly int Length = length;
        public readonly TypedKind Kind = kind;
        public static int ElementSize(TypedKind k) => k switch { TypedKind.Int8 or TypedKind.Uint8 or TypedKind.Uint8Clamped => 1, TypedKind.Int16 or TypedKind.Uint16 => 2, TypedKind.Float64 => 8, _ => 4 };
        public int ElementSizeBytes => ElementSize(Kind);
        byte* Ptr => realm.External<ArrayBufferData>(Buffer.Ptr).Data + ByteOffset;

        public JsValue Get(int i)
        {
            byte* p = Ptr;
            return Kind switch
            {
                TypedKind.Int8 => JsValue.FromInt(((sbyte*)p)[i]),
                TypedKind.Uint8 or TypedKind.Uint8Clamped => JsValue.FromInt(p[i]),
                TypedKind.Int16 => JsValue.FromInt(((short*)p)[i]),
                TypedKind.Uint16 => JsValue.FromInt(((ushort*)p)[i]),
                TypedKind.Int32 => JsValue.FromInt(((int*)p)[i]),
                TypedKind.Uint32 => JsValue.FromNumber(((uint*)p)[i]),
                TypedKind.Float32 => JsValue.FromNumber(((float*)p)[i]),
                _ => JsValue.FromNumber(((double*)p)[i]),
            };
        }

        public void Set(int i, double v)
        {
            if ((uint)i >= (uint)Length) return;
            byte* p = Ptr;
            switch (Kind)
            {
                case TypedKind.Int8: ((sbyte*)p)[i] = (sbyte)Realm.ToInt32(v); break;
                case TypedKind.Uint8: p[i] = (byte)Realm.ToInt32(v); break;
                case TypedKind.Uint8Clamped: p[i] = double.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(Math.Round(v, MidpointRounding.ToEven), 0, 255); break;
                case TypedKind.Int16: ((short*)p)[i] = (short)Realm.ToInt32(v); break;
                case TypedKind.Uint16: ((ushort*)p)[i] = (ushort)Realm.ToInt32(v); break;
                case TypedKind.Int32: ((int*)p)[i] = Realm.ToInt32(v); break;
                case TypedKind.Uint32: ((uint*)p)[i] = (uint)Realm.ToInt32(v); break;
                case TypedKind.Float32: ((float*)p)[i] = (float)v; break;
                default: ((double*)p)[i] = v; break;
            }
        }

        public void Trace(Collector gc) => gc.Mark(Buffer);
    }
}

namespace Flywheel.Engine.Runtime
{
    internal sealed partial class Realm
    {
        public Builtins.TypedArrayData TypedArrayOf(nint o) => External<Builtins.TypedArrayData>(o);
    }
}
