using AiJukebox.Devices;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Sampling;
using AiJukebox.Services;

namespace AiJukebox.Ui;

/// <summary>Runs the offline generator, and the rendering of its file to audio, for the Generate screen on a background thread.</summary>
internal sealed class GenerateController(ModelSession session, SettingsStore settings, AudioRenderOptions? render = null)
{
    private Task<string>? _rendering;

    private CancellationTokenSource? _cancel;
    private Task<string>? _task;
    private int _tokens;

    public bool Running => _task is { IsCompleted: false };

    /// <summary>Tokens generated so far in the current run.</summary>
    public int Tokens => Volatile.Read(ref _tokens);

    /// <summary>Starts generating; the task ends with the summary line or a one-line problem.</summary>
    public Task<string> Start(GenerateForm form)
    {
        if (Running)
        {
            return Task.FromResult("Already generating; cancel it first (F6).");
        }

        settings.Update(s => s with { GenerateOutput = form.Output, GenerateTemperature = form.Temperature });
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        var cancel = _cancel.Token;
        _tokens = 0;
        _task = Task.Run(() => Generate(form, cancel));
        return _task;
    }

    public void Cancel() => _cancel?.Cancel();

    /// <summary>Renders <paramref name="midi"/> to a .wav beside it with the built-in synth; the task ends with the summary or a one-line problem.</summary>
    public Task<string> Render(string midi)
    {
        if (_rendering is { IsCompleted: false })
        {
            return Task.FromResult("Already rendering.");
        }

        var audio = Path.ChangeExtension(midi, ".wav");
        _rendering = Task.Run(() =>
        {
            try
            {
                return AudioRendering.Summary(AudioRendering.Render(midi, audio, render ?? new AudioRenderOptions()));
            }
            catch (Exception e) when (e is MidiDeviceException or MidiImportException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                return $"Cannot render {Path.GetFileName(midi)}: {e.Message.Split('\n')[0]}";
            }
        });
        return _rendering;
    }

    private string Generate(GenerateForm form, CancellationToken cancel)
    {
        try
        {
            return session.Use(loaded =>
            {
                var seed = form.Seed ?? (ulong)Random.Shared.NextInt64();
                var sampling = new SamplingOptions { Temperature = form.Temperature, TopK = form.TopK, TopP = form.TopP };
                var primer = OfflineGeneration.Primer(loaded, form.Primer, 100, seed);
                var request = new GenerationRequest(primer, sampling, seed, form.Length, null);
                var result = OfflineGeneration.Generate(loaded, request, InferenceEngine.Auto, n => Volatile.Write(ref _tokens, n), cancel);
                OfflineGeneration.Write(result, form.Output, form.Tempo, 0, 0);
                var summary = OfflineGeneration.Summary(loaded, result, seed, form.Output, form.Tempo);
                return cancel.IsCancellationRequested ? $"Cancelled early. {summary}" : summary;
            }) ?? "No model is loaded: pick one on the Perform screen (F1, then F4) or train one (F2).";
        }
        catch (Exception e) when (e is MidiImportException or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return $"Generation failed: {e.Message.Split('\n')[0]}";
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return BackgroundFailure.Report("Generation", e);
        }
    }
}
