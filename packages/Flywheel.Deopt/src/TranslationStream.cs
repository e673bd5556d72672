namespace Flywheel.Deopt;

internal sealed class TranslationWriter
{
    private readonly List<byte> _bytes = new(32);

    public byte[] ToArray() => [.. _bytes];

    public void WriteOpcode(TranslationOpcode opcode) => _bytes.Add((byte)opcode);

    public void WriteUnsigned(ulong value)
    {
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            _bytes.Add(value == 0 ? low : (byte)(low | 0x80));
        } while (value != 0);
    }

    public void WriteSigned(long value) => WriteUnsigned((ulong)((value << 1) ^ (value >> 63)));

    public void WriteValue(ValueLocation value, ref int objects, int depth = 0)
    {
        if (depth > FrameState.MaxObjectNesting)
            throw new ArgumentException($"Captured objects nest deeper than {FrameState.MaxObjectNesting}.", nameof(value));
        switch (value)
        {
            case RegisterLocation r:
                ArgumentOutOfRangeException.ThrowIfNegative(r.Register);
                WriteOpcode(TranslationOpcode.Register);
                _bytes.Add((byte)r.Representation);
                WriteUnsigned((ulong)r.Register);
                break;
            case FloatRegisterLocation f:
                ArgumentOutOfRangeException.ThrowIfNegative(f.Register);
                if (f.Representation is not (ValueRepresentation.Float64 or ValueRepresentation.Float32))
                    throw new ArgumentException($"A float register holds float64 or float32, not {f.Representation}.", nameof(value));
                WriteOpcode(TranslationOpcode.FloatRegister);
                _bytes.Add((byte)f.Representation);
                WriteUnsigned((ulong)f.Register);
                break;
            case StackSlotLocation s:
                WriteOpcode(TranslationOpcode.StackSlot);
                _bytes.Add((byte)s.Representation);
                WriteSigned(s.FrameOffset);
                break;
            case LiteralLocation l:
                WriteOpcode(TranslationOpcode.Literal);
                _bytes.Add((byte)l.Representation);
                WriteUnsigned(l.Bits);
                break;
            case CapturedObjectLocation o:
                ArgumentOutOfRangeException.ThrowIfNegative(o.TypeId);
                WriteOpcode(TranslationOpcode.CapturedObject);
                WriteUnsigned((ulong)o.TypeId);
                WriteUnsigned((ulong)o.Fields.Count);
                objects++;
                foreach (var field in o.Fields) WriteValue(field, ref objects, depth + 1);
                break;
            case DuplicatedObjectLocation d:
                if (d.ObjectIndex < 0 || d.ObjectIndex >= objects)
                    throw new ArgumentException($"Duplicated object #{d.ObjectIndex} refers to an object not described before it ({objects} so far).");
                WriteOpcode(TranslationOpcode.DuplicatedObject);
                WriteUnsigned((ulong)d.ObjectIndex);
                break;
            case OptimizedOutLocation:
                WriteOpcode(TranslationOpcode.OptimizedOut);
                break;
            default:
                throw new ArgumentException($"Unknown value location {value}.", nameof(value));
        }
    }
}

internal ref struct TranslationReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public ulong ReadUnsigned()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new FormatException("A varint in the translation stream is longer than 64 bits.");
    }

    public long ReadSigned()
    {
        var raw = ReadUnsigned();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int ReadCount()
    {
        var value = ReadUnsigned();
        return value <= int.MaxValue ? (int)value : throw new FormatException($"Count {value} out of range at byte {_position}.");
    }

    /// <summary>A count of entries that follow; each takes at least one byte, which bounds it.</summary>
    public int ReadEntryCount()
    {
        var count = ReadCount();
        return count <= _bytes.Length - _position
            ? count
            : throw new FormatException($"{count} entries claimed but only {_bytes.Length - _position} bytes remain.");
    }

    public void ExpectOpcode(TranslationOpcode expected)
    {
        var opcode = (TranslationOpcode)ReadByte();
        if (opcode != expected) throw new FormatException($"Expected {expected} at byte {_position - 1}, found {opcode}.");
    }

    public readonly void ExpectEnd()
    {
        if (_position != _bytes.Length) throw new FormatException($"{_bytes.Length - _position} trailing bytes after the last frame.");
    }

    public ValueLocation ReadValue(ref int objects, int depth = 0)
    {
        if (depth > FrameState.MaxObjectNesting) throw new FormatException($"Captured objects nest deeper than {FrameState.MaxObjectNesting}.");
        var opcode = (TranslationOpcode)ReadByte();
        switch (opcode)
        {
            case TranslationOpcode.Register:
                var rep = ReadRepresentation();
                return new RegisterLocation(ReadCount(), rep);
            case TranslationOpcode.FloatRegister:
                var floatRep = ReadRepresentation();
                return floatRep is ValueRepresentation.Float64 or ValueRepresentation.Float32
                    ? new FloatRegisterLocation(ReadCount(), floatRep)
                    : throw new FormatException($"A float register cannot hold {floatRep}.");
            case TranslationOpcode.StackSlot:
                var slotRep = ReadRepresentation();
                var offset = ReadSigned();
                return offset is >= int.MinValue and <= int.MaxValue
                    ? new StackSlotLocation((int)offset, slotRep)
                    : throw new FormatException($"Stack offset {offset} out of range.");
            case TranslationOpcode.Literal:
                var literalRep = ReadRepresentation();
                return new LiteralLocation(ReadUnsigned(), literalRep);
            case TranslationOpcode.CapturedObject:
                var type = ReadCount();
                var count = ReadEntryCount();
                objects++;
                var fields = new ValueLocation[count];
                for (var i = 0; i < count; i++) fields[i] = ReadValue(ref objects, depth + 1);
                return new CapturedObjectLocation(type, fields);
            case TranslationOpcode.DuplicatedObject:
                var index = ReadCount();
                return index < objects ? new DuplicatedObjectLocation(index) : throw new FormatException($"Duplicated object #{index} before it was described.");
            case TranslationOpcode.OptimizedOut:
                return OptimizedOutLocation.Instance;
            default:
                throw new FormatException($"Unknown translation opcode {(byte)opcode} at byte {_position - 1}.");
        }
    }

    private ValueRepresentation ReadRepresentation()
    {
        var b = ReadByte();
        return b <= (byte)ValueRepresentation.Float32 ? (ValueRepresentation)b : throw new FormatException($"Unknown representation {b}.");
    }

    private byte ReadByte() =>
        _position < _bytes.Length ? _bytes[_position++] : throw new FormatException("The translation stream ends early.");
}
