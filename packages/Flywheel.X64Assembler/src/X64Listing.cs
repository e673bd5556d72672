using System.Text;
using Flywheel.MachineCode;
using Iced.Intel;

namespace Flywheel.X64;

/// <summary>
/// Turns finished x86-64 code into a readable listing: offset, bytes and Intel-syntax text for
/// each instruction, <c>L3:</c> lines where labels are bound, branch targets shown by label, the
/// buffer's annotations as comments, and constant pools as data.
/// </summary>
public static class X64Listing
{
    /// <summary>Formats <paramref name="blob"/> as if it were placed at <paramref name="address"/>.</summary>
    public static string Format(CodeBlob blob, ulong address = 0)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var labelsAt = new Dictionary<int, List<int>>();
        for (var id = 0; id < blob.LabelOffsets.Count; id++)
        {
            var offset = blob.LabelOffsets[id];
            if (offset < 0) continue;
            if (!labelsAt.TryGetValue(offset, out var ids)) labelsAt[offset] = ids = [];
            ids.Add(id);
        }
        var annotationsAt = blob.Annotations.ToLookup(a => a.Offset, a => a.Text);
        var formatter = new IntelFormatter(new LabelResolver(labelsAt, address));
        formatter.Options.FirstOperandCharIndex = 8;
        formatter.Options.HexPrefix = "0x";
        formatter.Options.HexSuffix = "";
        formatter.Options.ShowBranchSize = false;

        var code = blob.Code.ToArray();
        var text = new StringBuilder();
        var output = new StringOutput();
        var position = 0;
        while (position < code.Length)
        {
            foreach (var comment in annotationsAt[position]) text.Append("                              ; ").AppendLine(comment);
            if (labelsAt.TryGetValue(position, out var ids))
                foreach (var id in ids) text.Append('L').Append(id).AppendLine(":");

            var data = blob.DataRegions.FirstOrDefault(d => d.Offset <= position && position < d.Offset + d.Length);
            if (data.Length > 0)
            {
                var end = Math.Min(data.Offset + data.Length, NextLabelAfter(labelsAt, position, code.Length));
                var count = Math.Min(8, end - position);
                AppendLine(text, position, code.AsSpan(position, count), ".byte " + string.Join(", ", code.AsSpan(position, count).ToArray().Select(b => $"0x{b:X2}")));
                position += count;
                continue;
            }

            var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(code, position, code.Length - position), address + (ulong)position);
            decoder.Decode(out var instruction);
            var length = instruction.Length;
            formatter.Format(instruction, output);
            AppendLine(text, position, code.AsSpan(position, length), instruction.IsInvalid ? "(bad)" : output.ToStringAndReset());
            position += Math.Max(length, 1);
        }
        return text.ToString();
    }

    private static int NextLabelAfter(Dictionary<int, List<int>> labelsAt, int position, int limit)
    {
        var next = limit;
        foreach (var offset in labelsAt.Keys)
            if (offset > position && offset < next) next = offset;
        return next;
    }

    private static void AppendLine(StringBuilder text, int offset, ReadOnlySpan<byte> bytes, string instruction) =>
        text.Append($"{offset:X4}  ").Append(Convert.ToHexString(bytes).ToLowerInvariant().PadRight(22)).Append(' ').AppendLine(instruction);

    private sealed class LabelResolver(Dictionary<int, List<int>> labelsAt, ulong address) : ISymbolResolver
    {
        public bool TryGetSymbol(in Instruction instruction, int operand, int instructionOperand, ulong target, int addressSize, out SymbolResult symbol)
        {
            // Only code addresses name labels: a branch target or a RIP-relative operand, never an
            // immediate or an ordinary displacement that happens to equal a label's address.
            var kind = instruction.GetOpKind(instructionOperand);
            var isCodeAddress = kind is OpKind.NearBranch64 or OpKind.NearBranch32 or OpKind.NearBranch16
                || (kind == OpKind.Memory && instruction.IsIPRelativeMemoryOperand);
            if (isCodeAddress && target >= address && target - address < int.MaxValue && labelsAt.TryGetValue((int)(target - address), out var ids))
            {
                symbol = new SymbolResult(target, "L" + ids[0]);
                return true;
            }
            symbol = default;
            return false;
        }
    }
}
