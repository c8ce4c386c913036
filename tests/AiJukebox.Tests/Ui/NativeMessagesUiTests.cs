namespace AiJukebox.Tests.Ui;

/// <summary>
/// What native libraries print goes to the log, not over the screen: with no JACK server, libjack
/// writes "Cannot connect to server socket" to stderr every time a client tries to connect.
/// </summary>
[Trait("Category", "Ui")]
public sealed class NativeMessagesUiTests : IClassFixture<TinyModelFixture>, IDisposable
{
    private readonly TinyModelFixture _model;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-ui-log-").FullName;

    public NativeMessagesUiTests(TinyModelFixture model) => _model = model;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ui_NoJackServer_LibjacksMessagesGoToTheLogAndF9ShowsThem()
    {
        var log = Path.Combine(_folder, "state", "aijukebox", "native.log");
        using var ui = new TmuxSession(
            _folder,
            new Dictionary<string, string>
            {
                ["AIJUKEBOX_HOME"] = _model.Home,
                ["XDG_CONFIG_HOME"] = Path.Combine(_folder, "config"),
                ["XDG_STATE_HOME"] = Path.Combine(_folder, "state"),
                ["JACK_DEFAULT_SERVER"] = $"aijb-absent-{Guid.NewGuid():N}"[..24],
                ["JACK_NO_START_SERVER"] = "1",
            },
            100,
            30,
            "--api", "jack");
        ui.WaitFor("F1 Perform");
        ui.Keys("Space");

        // Space opens the ports in the background; libjack complains as it tries to connect.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("Cannot connect to server", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        var screen = ui.WaitFor("No JACK server is running");
        Assert.Contains("Cannot connect to server", File.Exists(log) ? File.ReadAllText(log) : "(no log)");
        Assert.DoesNotContain("Cannot connect to server", screen);
        Assert.DoesNotContain("server not running?", screen);

        ui.WaitFor(s => s.Contains("new)", StringComparison.Ordinal), "the log's count of new lines in the screen bar");
        ui.Keys("F9");
        ui.WaitFor("Cannot connect to server");
        ui.Keys("q");
        Assert.Equal(0, ui.WaitForExit());
    }
}
