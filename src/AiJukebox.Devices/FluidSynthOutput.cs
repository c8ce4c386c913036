using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// The built-in synthesizer: FluidSynth with a General MIDI SoundFont, sounding through one of
/// FluidSynth's own audio drivers (PipeWire/PulseAudio, JACK, ALSA, CoreAudio, WASAPI...). Takes
/// the same MIDI messages as a <see cref="MidiOutputPort"/>.
/// </summary>
/// <remarks>
/// <see cref="Send"/> calls FluidSynth's synth API at once; FluidSynth queues the change to its
/// audio thread lock-free, and the sound starts at the next audio period the driver renders. The
/// synth API takes FluidSynth's own mutex, contended only by other callers of that API (nothing
/// else here while playing), not by the audio thread.
/// </remarks>
public sealed class FluidSynthOutput : IDisposable
{
    private readonly FluidSettingsHandle _settings;
    private readonly FluidSynthHandle _synth;
    private readonly FluidAudioDriverHandle _driver;
    private int _disposed;

    private FluidSynthOutput(FluidSettingsHandle settings, FluidSynthHandle synth, FluidAudioDriverHandle driver, string audioDriver, string soundFont)
    {
        _settings = settings;
        _synth = synth;
        _driver = driver;
        AudioDriver = audioDriver;
        SoundFont = soundFont;
    }

    /// <summary>The name the output lists as.</summary>
    public const string DisplayName = "built-in synth (FluidSynth)";

    /// <summary>The drivers tried, in order, when none is named: the desktop's sound server first, raw devices last.</summary>
    public static IReadOnlyList<string> AutomaticDrivers { get; } =
        OperatingSystem.IsWindows() ? ["wasapi", "dsound", "waveout"]
        : OperatingSystem.IsMacOS() ? ["coreaudio"]
        : ["pipewire", "pulseaudio", "jack", "alsa"];

    /// <summary>The audio driver that opened.</summary>
    public string AudioDriver { get; }

    /// <summary>The SoundFont file loaded.</summary>
    public string SoundFont { get; }

    /// <summary>"built-in synth (FluidSynth, pulseaudio, TimGM6mb.sf2)".</summary>
    public string Name => $"built-in synth (FluidSynth {FluidSynthLibrary.Version()}, {AudioDriver}, {Path.GetFileName(SoundFont)})";

    /// <summary>Loads FluidSynth and the SoundFont, and opens the audio driver.</summary>
    /// <exception cref="SynthLibraryNotFoundException">libfluidsynth is not installed.</exception>
    /// <exception cref="SoundFontNotFoundException">No usable SoundFont.</exception>
    /// <exception cref="SynthException">No audio driver could be opened (the message says which were tried and why).</exception>
    public static FluidSynthOutput Open(SynthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var soundFont = SoundFontLocator.Find(options.SoundFont, options.SettingsSoundFont);
        var settings = FluidSynthCalls.NewSettings(options);
        FluidSynthHandle? synth = null;
        try
        {
            FluidSynthCalls.SetString(settings, "audio.jack.id", options.JackClientName);
            FluidSynthCalls.SetInteger(settings, "audio.jack.autoconnect", options.JackAutoConnect ? 1 : 0);
            // libjack would otherwise start a server of its own when none runs (it did here, as a
            // child of the synth): the jukebox uses a server the user runs, or none.
            if (Environment.GetEnvironmentVariable("JACK_NO_START_SERVER") is null)
            {
                NativeEnvironment.Set("JACK_NO_START_SERVER", "1");
            }

            synth = FluidSynthCalls.NewSynth(settings, soundFont);
            var drivers = options.AudioDriver is { } named ? [named] : AutomaticDrivers;
            var failures = new List<string>();
            foreach (var name in drivers)
            {
                FluidSynthCalls.SetString(settings, "audio.driver", name);
                SynthLog.ClearError();
                var driver = FluidSynthNative.new_fluid_audio_driver(settings, synth);
                if (!driver.IsInvalid)
                {
                    return new FluidSynthOutput(settings, synth, driver, name, soundFont);
                }

                driver.Dispose();
                var reason = FluidSynthCalls.Reason();
                failures.Add(reason.Contains("Couldn't find the requested audio driver", StringComparison.Ordinal) ? $"{name} (not in this FluidSynth)" : name + reason);
            }

            throw new SynthException(
                $"The built-in synth found no audio output (new_fluid_audio_driver failed for {string.Join("; ", failures)}): start the desktop's sound server or a JACK server, or pick a driver with --audio-driver.");
        }
        catch
        {
            synth?.Dispose();
            settings.Dispose();
            throw;
        }
    }

    /// <summary>Plays one complete MIDI message now (allocation-free; safe from the real-time clock thread).</summary>
    public void Send(ReadOnlySpan<byte> message) => FluidSynthCalls.Send(_synth, message);

    /// <summary>Voices sounding now (notes still ringing out count).</summary>
    public int ActiveVoices => FluidSynthNative.fluid_synth_get_active_voice_count(_synth);

    /// <summary>Every note off on every channel, then the audio driver, the synth and its settings are freed, in that order.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _ = FluidSynthNative.fluid_synth_all_notes_off(_synth, -1);
        _driver.Dispose();
        _synth.Dispose();
        _settings.Dispose();
    }
}
