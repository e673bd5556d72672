using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class LatticeTests
{
    private static TypeFeedback Category(byte b) => (TypeFeedback)(1u << (b % 7));

    [Property(MaxTest = 300)]
    public bool Recording_only_moves_up_the_lattice(byte[] observations)
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly), "f", FeedbackSlotKind.BinaryOperation);
        var previous = TypeFeedback.None;
        var union = TypeFeedback.None;
        foreach (var b in observations)
        {
            var seen = Category(b);
            if (b % 11 == 0) seen |= Category((byte)(b / 11));
            vector.RecordTypes(0, seen);
            var now = vector.GetTypes(0);
            union |= seen;
            if (!previous.IsAtMost(now) || !seen.IsAtMost(now) || now != union) return false;
            previous = now;
        }
        return true;
    }

    [Property]
    public bool Join_is_a_least_upper_bound(uint a, uint b, uint c)
    {
        var x = (TypeFeedback)a & TypeFeedback.Any;
        var y = (TypeFeedback)b & TypeFeedback.Any;
        var z = (TypeFeedback)c & TypeFeedback.Any;
        var join = x.Join(y);
        var upper = x.IsAtMost(join) && y.IsAtMost(join);
        var least = !(x.IsAtMost(z) && y.IsAtMost(z)) || join.IsAtMost(z);
        return upper && least && join == y.Join(x) && x.Join(x) == x && TypeFeedback.None.IsAtMost(x) && x.IsAtMost(TypeFeedback.Any);
    }

    [Fact]
    public void The_classic_chain_is_a_path_through_the_lattice()
    {
        TypeFeedback[] chain = [TypeFeedback.None, TypeFeedback.SmallInt, TypeFeedback.Number, TypeFeedback.Number | TypeFeedback.String, TypeFeedback.Any];
        for (var i = 1; i < chain.Length; i++)
        {
            Assert.True(chain[i - 1].IsAtMost(chain[i]));
            Assert.False(chain[i].IsAtMost(chain[i - 1]));
        }
        Assert.True(TypeFeedback.SmallInt.IsSmallIntOnly());
        Assert.True(TypeFeedback.Number.IsNumberOnly());
        Assert.False((TypeFeedback.Number | TypeFeedback.Null).IsNumberOnly());
        Assert.False(TypeFeedback.None.IsNumberOnly());
    }

    [Theory]
    [InlineData(TypeFeedback.None, "none")]
    [InlineData(TypeFeedback.SmallInt, "smallInt")]
    [InlineData(TypeFeedback.Double, "double")]
    [InlineData(TypeFeedback.Number, "number")]
    [InlineData(TypeFeedback.SmallInt | TypeFeedback.String | TypeFeedback.Null, "smallInt|string|null")]
    [InlineData(TypeFeedback.Any, "any")]
    public void Describe_names_categories(TypeFeedback feedback, string expected) =>
        Assert.Equal(expected, feedback.Describe());

    [Fact]
    public void A_change_resets_the_slot_stability_clock_and_a_repeat_does_not()
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly with { Budget = 1 }), "f", FeedbackSlotKind.Comparison);
        vector.RecordTypes(0, TypeFeedback.SmallInt);
        for (var i = 0; i < 5; i++) vector.RecordInvocation();
        Assert.Equal(5u, vector.GetStableTicks(0));
        vector.RecordTypes(0, TypeFeedback.SmallInt);
        Assert.Equal(5u, vector.GetStableTicks(0));
        vector.RecordTypes(0, TypeFeedback.Double);
        Assert.Equal(0u, vector.GetStableTicks(0));
        Assert.Equal(0u, vector.StableTicks);
        vector.RecordInvocation();
        Assert.Equal(1u, vector.GetStableTicks(0));
    }
}
