namespace AiJukebox.Devices;

/// <summary>What <see cref="SynthRenderer"/> wrote.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Frames">Sample frames written (stereo).</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="SoundFont">The SoundFont played.</param>
/// <param name="Elapsed">How long rendering took.</param>
public sealed record AudioRenderResult(string Path, long Frames, int SampleRate, string SoundFont, TimeSpan Elapsed)
{
    /// <summary>The file's length in seconds.</summary>
    public double Seconds => (double)Frames / SampleRate;

    /// <summary>Audio seconds rendered per second of wall time.</summary>
    public double TimesRealTime => Elapsed.TotalSeconds > 0 ? Seconds / Elapsed.TotalSeconds : double.PositiveInfinity;
}
