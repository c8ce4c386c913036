namespace AiJukebox.Devices.Interop;

/// <summary>
/// Creates FluidSynth's settings and synthesizer with a SoundFont loaded, and plays MIDI bytes on a
/// synthesizer: the part the live output and the file renderer share.
/// </summary>
internal static class FluidSynthCalls
{
    /// <summary>Settings with the options' sample rate and gain; more can be set before the synth is made.</summary>
    /// <exception cref="SynthException">FluidSynth is missing or refused a setting.</exception>
    internal static FluidSettingsHandle NewSettings(SynthOptions options)
    {
        FluidSynthLibrary.EnsureLoaded();
        var settings = FluidSynthNative.new_fluid_settings();
        if (settings.IsInvalid)
        {
            settings.Dispose();
            throw Failure("new_fluid_settings");
        }

        try
        {
            SetNumber(settings, "synth.gain", options.Gain);
            if (options.SampleRate is { } rate)
            {
                SetNumber(settings, "synth.sample-rate", rate);
            }

            return settings;
        }
        catch
        {
            settings.Dispose();
            throw;
        }
    }

    /// <exception cref="SynthException">FluidSynth refused the value.</exception>
    internal static void SetString(FluidSettingsHandle settings, string name, string value) =>
        Check(FluidSynthNative.fluid_settings_setstr(settings, name, value), $"fluid_settings_setstr({name}, {value})");

    /// <exception cref="SynthException">FluidSynth refused the value.</exception>
    internal static void SetInteger(FluidSettingsHandle settings, string name, int value) =>
        Check(FluidSynthNative.fluid_settings_setint(settings, name, value), $"fluid_settings_setint({name}, {value})");

    /// <exception cref="SynthException">FluidSynth refused the value.</exception>
    internal static void SetNumber(FluidSettingsHandle settings, string name, double value) =>
        Check(FluidSynthNative.fluid_settings_setnum(settings, name, value), $"fluid_settings_setnum({name}, {value})");

    /// <summary>A synthesizer on <paramref name="settings"/> with <paramref name="soundFont"/> loaded.</summary>
    /// <exception cref="SynthException">The synth could not be made or the file is not a usable SoundFont.</exception>
    internal static FluidSynthHandle NewSynth(FluidSettingsHandle settings, string soundFont)
    {
        SynthLog.ClearError();
        var synth = FluidSynthNative.new_fluid_synth(settings);
        if (synth.IsInvalid)
        {
            synth.Dispose();
            throw Failure("new_fluid_synth");
        }

        if (FluidSynthNative.fluid_is_soundfont(soundFont) == 0 || FluidSynthNative.fluid_synth_sfload(synth, soundFont, 1) == FluidSynthNative.Failed)
        {
            synth.Dispose();
            throw new SoundFontNotFoundException($"{soundFont} is not a SoundFont FluidSynth can load (fluid_synth_sfload{Reason()}): give another .sf2/.sf3, or {SoundFontLocator.InstallHint}.");
        }

        return synth;
    }

    /// <summary>Plays one MIDI message: note on/off, key and channel pressure, control and program change, pitch bend; others are ignored.</summary>
    internal static void Send(FluidSynthHandle synth, ReadOnlySpan<byte> message)
    {
        if (message.Length == 0 || message[0] < 0x80 || message[0] >= 0xF0)
        {
            return; // running status is not sent by our sinks; system messages mean nothing to a synth here
        }

        int channel = message[0] & 0x0F;
        int data1 = message.Length > 1 ? message[1] & 0x7F : 0;
        int data2 = message.Length > 2 ? message[2] & 0x7F : 0;
        _ = (message[0] & 0xF0) switch
        {
            0x80 => FluidSynthNative.fluid_synth_noteoff(synth, channel, data1),
            0x90 when data2 == 0 => FluidSynthNative.fluid_synth_noteoff(synth, channel, data1),
            0x90 => FluidSynthNative.fluid_synth_noteon(synth, channel, data1, data2),
            0xA0 => FluidSynthNative.fluid_synth_key_pressure(synth, channel, data1, data2),
            0xB0 => FluidSynthNative.fluid_synth_cc(synth, channel, data1, data2),
            0xC0 => FluidSynthNative.fluid_synth_program_change(synth, channel, data1),
            0xD0 => FluidSynthNative.fluid_synth_channel_pressure(synth, channel, data1),
            _ => FluidSynthNative.fluid_synth_pitch_bend(synth, channel, data1 | (data2 << 7)),
        };
    }

    /// <summary>An exception for a failed call, with FluidSynth's last error on this thread when it logged one.</summary>
    internal static SynthException Failure(string function) => new($"FluidSynth: {function} failed{Reason()}.");

    /// <summary>" (reason)" from the thread's last logged error, or "".</summary>
    internal static string Reason() => SynthLog.TakeError() is { } error ? $" ({error})" : string.Empty;

    private static void Check(int result, string function)
    {
        if (result == FluidSynthNative.Failed)
        {
            throw Failure(function);
        }
    }
}
