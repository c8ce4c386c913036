using AiJukebox.Devices.Tests.Audio;

using Xunit.Abstractions;

namespace AiJukebox.Devices.Tests.Synth;

/// <summary>Offline rendering through the real libfluidsynth and TimGM6mb, the file read back by the tests' own WAV reader.</summary>
[Trait("Category", "Device")]
public sealed class SynthRendererTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-render-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Twelve staccato notes at uneven times (not on any block grid), some on other channels and programs.</summary>
    private static List<TimedMidiMessage> Notes(out double[] onsets)
    {
        onsets = [.. Enumerable.Range(0, 12).Select(i => 0.25 + (i * 0.4) + (i % 3 * 0.0137))];
        var messages = new List<TimedMidiMessage> { new(0, 0xC1, 24, 0) }; // channel 2: nylon guitar
        for (var i = 0; i < onsets.Length; i++)
        {
            var channel = (byte)(i % 2);
            var pitch = (byte)(60 + (i * 3 % 17));
            messages.Add(new TimedMidiMessage(onsets[i], (byte)(0x90 | channel), pitch, 100));
            messages.Add(new TimedMidiMessage(onsets[i] + 0.12, (byte)(0x80 | channel), pitch, 0));
        }

        return messages;
    }

    [Fact]
    public void Render_KnownNotes_WavOfTheRightLength_NotSilent_OnsetsWithin10MsOfTheNotes()
    {
        var messages = Notes(out var expected);
        var path = Path.Combine(_folder, "take.wav");

        var result = SynthRenderer.Render(messages, path, new AudioRenderOptions { SoundFont = TestSoundFont.Path, SampleRate = 48000, TailSeconds = 1.5 });

        var (mono, rate, channels) = WavReader.Read(path);
        Assert.Equal(48000, rate);
        Assert.Equal(2, channels);
        var seconds = (double)mono.Length / rate;
        var wanted = expected[^1] + 0.12 + 1.5;
        Assert.InRange(seconds, wanted - 0.05, wanted + 0.05);
        Assert.Equal(result.Frames, mono.Length);
        Assert.True(OnsetDetector.Rms(mono) > 0.005, $"RMS {OnsetDetector.Rms(mono):F5}: silent");

        var found = OnsetDetector.Find(mono, rate);
        Assert.Equal(expected.Length, found.Count);
        var errors = found.Zip(expected, (f, e) => (f - e) * 1000).ToList();
        log.WriteLine($"length {seconds:F3} s (wanted {wanted:F3}); onset error ms: {string.Join(" ", errors.Select(e => e.ToString("F2")))}; rendered {result.TimesRealTime:F0}x real time");
        Assert.All(errors, e => Assert.InRange(e, -10, 10));
    }

    [Fact]
    public void Render_Flac_WritesAFlacStreamOfTheSameMusic()
    {
        var messages = Notes(out _);
        var wav = SynthRenderer.Render(messages, Path.Combine(_folder, "take.wav"), new AudioRenderOptions { SoundFont = TestSoundFont.Path });
        var flac = SynthRenderer.Render(messages, Path.Combine(_folder, "take.flac"), new AudioRenderOptions { SoundFont = TestSoundFont.Path });

        var bytes = File.ReadAllBytes(flac.Path);
        Assert.Equal("fLaC"u8.ToArray(), bytes[..4]);
        Assert.Equal(wav.Frames, flac.Frames);
        // Lossless but compressed: smaller than the 16-bit stereo samples it holds.
        Assert.InRange(bytes.Length, 1000, wav.Frames * 4);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Render_OtherExtension_IsRefusedBeforeAnythingIsWritten()
    {
        var error = Assert.Throws<ArgumentException>(() => SynthRenderer.Render([], Path.Combine(_folder, "take.mp3"), new AudioRenderOptions { SoundFont = TestSoundFont.Path }));
        Assert.Contains(".wav or .flac", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Render_NotASoundFont_OneLineNamingTheFunctionAndThePackage()
    {
        var fake = Path.Combine(_folder, "fake.sf2");
        File.WriteAllText(fake, "not a soundfont");

        var error = Assert.Throws<SoundFontNotFoundException>(() => SynthRenderer.Render(Notes(out _), Path.Combine(_folder, "x.wav"), new AudioRenderOptions { SoundFont = fake }));

        Assert.Contains("fluid_synth_sfload", error.Message);
        Assert.Contains("timgm6mb-soundfont", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "x.wav")));
    }
}
