using AiJukebox.Services;

namespace AiJukebox.Tests.Services;

public sealed class TerminationSignalsTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [Fact]
    public void RunShielded_WorkSeesSigintAndSigtermBlocked()
    {
        var blocked = TerminationSignals.RunShielded("test", () =>
            TerminationSignals.IsBlockedOnCurrentThread(SigInt) && TerminationSignals.IsBlockedOnCurrentThread(SigTerm));

        Assert.True(blocked);
    }

    [Fact]
    public void RunShielded_LeavesTheCallingThreadsMaskAlone()
    {
        var before = TerminationSignals.IsBlockedOnCurrentThread(SigInt);

        TerminationSignals.RunShielded("test", () => 0);

        Assert.Equal(before, TerminationSignals.IsBlockedOnCurrentThread(SigInt));
        Assert.False(before);
    }

    [Fact]
    public void RunShielded_RethrowsTheWorksException()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TerminationSignals.RunShielded<int>("test", () => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", error.Message);
    }
}
