using System.Diagnostics;

using AiJukebox.Commands;
using AiJukebox.Devices.Tests.Audio;
using AiJukebox.Devices.Tests.Synth;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

/// <summary>The render verb (and generate --render) through the real libfluidsynth and TimGM6mb.</summary>
[Trait("Category", "Device")]
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-render-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Render_TakeMid_WavOfTheFilesLengthPlusTheTail_NotSilent()
    {
        // 8 half-beat notes at 90 BPM: the last ends at beat 4 = 2.667 s.
        var midi = Path.Combine(_folder, "take.mid");
        Cli.WriteSong(midi, 60, 62, 64, 65, 67, 69, 71, 72);
        var wav = Path.Combine(_folder, "take.wav");

        var (code, output, error) = CliRunner.Run(RenderCommand.Create(), midi, "-o", wav, "--soundfont", TestSoundFont.Path, "--sample-rate", "22050", "--tail", "0.5");

        Assert.True(code == 0, error);
        Assert.Contains("Rendered", output);
        Assert.Contains("TimGM6mb.sf2", output);
        var (mono, rate, _) = WavReader.Read(wav);
        Assert.Equal(22050, rate);
        Assert.InRange((double)mono.Length / rate, (4 * 60.0 / 90) + 0.5 - 0.05, (4 * 60.0 / 90) + 0.5 + 0.05);
        Assert.True(OnsetDetector.Rms(mono) > 0.005);
    }

    [Fact]
    public void Render_MissingSoundFont_OneLineNamingThePackages_Exit1()
    {
        var midi = Path.Combine(_folder, "take.mid");
        Cli.WriteSong(midi, 60);

        var (code, _, error) = CliRunner.Run(RenderCommand.Create(), midi, "-o", Path.Combine(_folder, "take.wav"), "--soundfont", Path.Combine(_folder, "none.sf2"));

        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("timgm6mb-soundfont", error);
        Assert.False(File.Exists(Path.Combine(_folder, "take.wav")));
    }

    [Fact]
    public void Render_NotMidi_OneLine_Exit1()
    {
        var notMidi = Path.Combine(_folder, "take.mid");
        File.WriteAllText(notMidi, "hello");

        var (code, _, error) = CliRunner.Run(RenderCommand.Create(), notMidi, "-o", Path.Combine(_folder, "take.wav"), "--soundfont", TestSoundFont.Path);

        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Render_FluidSynthMissing_OneLineNamingLibfluidsynth3()
    {
        // A fresh process: the resolver binds the library once per process.
        var midi = Path.Combine(_folder, "take.mid");
        Cli.WriteSong(midi, 60);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(RenderCommand).Assembly.Location, "render", midi, "-o", Path.Combine(_folder, "take.wav") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AIJUKEBOX_FLUIDSYNTH_LIBRARY"] = "/nonexistent/libfluidsynth.so.3";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("aijukebox render: The FluidSynth library is not installed (tried /nonexistent/libfluidsynth.so.3): install libfluidsynth3 (Debian/Ubuntu: sudo apt install libfluidsynth3), fluid-synth (Homebrew) or fluidsynth (pacman, dnf); on Windows put FluidSynth's DLLs next to aijukebox.", error.Trim());
    }

    [Fact]
    public void Generate_Render_WritesTheMidAndItsAudio()
    {
        var midi = Path.Combine(_folder, "song.mid");
        var flac = Path.Combine(_folder, "song.flac");
        // The shipped default model (config/jukebox.json, found above the test's folder).
        var (code, output, error) = CliRunner.Run(GenerateCommand.Create(), "-o", midi, "--beats", "8", "--seed", "3", "--render", flac, "--soundfont", TestSoundFont.Path);

        Assert.True(code == 0, error);
        Assert.Contains("Rendered", output);
        Assert.NotEmpty(MidiFileImporter.Read(midi, ImportOptions.Default).Pieces[0].Notes);
        Assert.Equal("fLaC"u8.ToArray(), File.ReadAllBytes(flac)[..4]);
    }
}
