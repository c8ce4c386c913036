namespace AiJukebox.Tests.Ui;

/// <summary>
/// What native libraries print goes to the log, not over the screen: with no JACK server and no
/// sound card, libjack, ALSA and FluidSynth complain as the built-in synth's drivers are tried.
/// </summary>
[Trait("Category", "Ui")]
public sealed class NativeMessagesUiTests : IClassFixture<TinyModelFixture>, IDisposable
{
    private readonly TinyModelFixture _model;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-ui-log-").FullName;

    public NativeMessagesUiTests(TinyModelFixture model) => _model = model;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ui_NoJackServer_NativeMessagesGoToTheLogAndF9ShowsThem()
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

        // Space opens the ports in the background; the audio libraries complain as they try the
        // built-in synth's drivers with no server and no sound card.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("fluidsynth:", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        var screen = ui.WaitFor("No JACK server is running");
        var logged = File.Exists(log) ? File.ReadAllText(log) : "(no log)";
        Assert.Contains("fluidsynth:", logged);
        Assert.DoesNotContain("Cannot connect to server", screen);
        Assert.DoesNotContain("server not running?", screen);
        Assert.DoesNotContain("Couldn't find the requested", screen);

        ui.WaitFor(s => s.Contains("new)", StringComparison.Ordinal), "the log's count of new lines in the screen bar");
        ui.Keys("F9");
        ui.WaitFor("fluidsynth:");
        ui.Keys("q");
        Assert.Equal(0, ui.WaitForExit());
    }
}
