using System.Runtime.InteropServices;

namespace Flywheel.Engine.Builtins
{
    /// <summary>An ArrayBuffer's bytes, in native memory owned by the engine, freed when the buffer object dies.</summary>
    internal sealed unsafe class ArrayBufferData : IDisposable
    {
        public byte* Data;
        public int Length;
        readonly Heap heap;

        public ArrayBufferData(Heap heap, int length)
        {
            this.heap = heap;
            Length = length;
            Data = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(1, length));
            heap.NoteExternal(length);
        }

        public void Dispose()
        {
            if (Data == null) return;
            NativeMemory.Free(Data);
            heap.NoteExternal(-Length);
            Data = null;
        }
    }

    internal enum TypedKind { Int8, Uint8, Uint8Clamped, Int16, Uint16, Int32, Uint32, Float32, Float64 }

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
