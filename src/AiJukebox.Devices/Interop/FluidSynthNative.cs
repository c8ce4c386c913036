using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// libfluidsynth's C API (FluidSynth 2.x, <c>fluidsynth.h</c>). The library name is resolved per
/// platform by <see cref="FluidSynthLibrary"/>; no pointer leaves this folder.
/// </summary>
internal static unsafe partial class FluidSynthNative
{
    /// <summary>The logical name every import uses; <see cref="FluidSynthLibrary"/> maps it to a real file.</summary>
    internal const string LibraryName = "fluidsynth";

    /// <summary><c>FLUID_OK</c>.</summary>
    internal const int Ok = 0;

    /// <summary><c>FLUID_FAILED</c>.</summary>
    internal const int Failed = -1;

    /// <summary>enum fluid_log_level: PANIC 0, ERR 1, WARN 2, INFO 3, DBG 4.</summary>
    internal const int LogLevels = 5;

    [LibraryImport(LibraryName)]
    internal static partial byte* fluid_version_str();

    [LibraryImport(LibraryName)]
    internal static partial nint fluid_set_log_function(int level, delegate* unmanaged[Cdecl]<int, byte*, void*, void> function, void* data);

    [LibraryImport(LibraryName)]
    internal static partial FluidSettingsHandle new_fluid_settings();

    [LibraryImport(LibraryName)]
    internal static partial void delete_fluid_settings(nint settings);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fluid_settings_setstr(FluidSettingsHandle settings, string name, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fluid_settings_setint(FluidSettingsHandle settings, string name, int value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fluid_settings_setnum(FluidSettingsHandle settings, string name, double value);

    [LibraryImport(LibraryName)]
    internal static partial FluidSynthHandle new_fluid_synth(FluidSettingsHandle settings);

    [LibraryImport(LibraryName)]
    internal static partial void delete_fluid_synth(nint synth);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fluid_is_soundfont(string fileName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fluid_synth_sfload(FluidSynthHandle synth, string fileName, int resetPresets);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_noteon(FluidSynthHandle synth, int channel, int key, int velocity);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_noteoff(FluidSynthHandle synth, int channel, int key);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_cc(FluidSynthHandle synth, int channel, int control, int value);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_program_change(FluidSynthHandle synth, int channel, int program);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_pitch_bend(FluidSynthHandle synth, int channel, int value);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_channel_pressure(FluidSynthHandle synth, int channel, int value);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_key_pressure(FluidSynthHandle synth, int channel, int key, int value);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_all_notes_off(FluidSynthHandle synth, int channel);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_synth_get_active_voice_count(FluidSynthHandle synth);

    [LibraryImport(LibraryName)]
    internal static partial FluidAudioDriverHandle new_fluid_audio_driver(FluidSettingsHandle settings, FluidSynthHandle synth);

    [LibraryImport(LibraryName)]
    internal static partial void delete_fluid_audio_driver(nint driver);

    [LibraryImport(LibraryName)]
    internal static partial FluidFileRendererHandle new_fluid_file_renderer(FluidSynthHandle synth);

    [LibraryImport(LibraryName)]
    internal static partial void delete_fluid_file_renderer(nint renderer);

    [LibraryImport(LibraryName)]
    internal static partial int fluid_file_renderer_process_block(FluidFileRendererHandle renderer);
}
