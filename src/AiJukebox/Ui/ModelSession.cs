using AiJukebox.Configuration;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Services;

namespace AiJukebox.Ui;

/// <summary>
/// The model the screens share. Loading runs off the UI thread; users of the model (generation)
/// hold a lock so a model is never disposed while it is generating.
/// </summary>
internal sealed class ModelSession : IDisposable
{
    private readonly Lock _use = new();
    private LoadedModel? _model;

    /// <summary>Raised on a background thread when loading starts (text), ends (summary) or fails (problem).</summary>
    public event Action<ModelSessionState>? Changed;

    /// <summary>
    /// Called on the loading thread, holding the model, with the new model just before it replaces
    /// the current one; the current one is disposed once the task it returns completes (a
    /// performance switching to the new model is done with the old one).
    /// </summary>
    public Func<LoadedModel, Task>? Swapping { get; set; }

    public ModelSummary? Summary { get; private set; }

    public bool IsLoading { get; private set; }

    /// <summary>Loads in the background; the old model stays usable until the new one is ready. True when it loaded.</summary>
    public Task<bool> LoadAsync(string? model, string? notes)
    {
        IsLoading = true;
        Changed?.Invoke(new ModelSessionState(null, $"Loading {model ?? "the default model"}...", null));
        return Task.Run(() =>
        {
            try
            {
                var loaded = ModelSelection.Load(model, notes, JukeboxConfig.Load);
                var summary = ModelSummary.Of(loaded);
                LoadedModel? old;
                var released = Task.CompletedTask;
                lock (_use)
                {
                    old = _model;
                    if (old is not null && Swapping is { } swapping)
                    {
                        released = swapping(loaded);
                    }

                    _model = loaded;
                    Summary = summary;
                }

                IsLoading = false;
                Changed?.Invoke(new ModelSessionState(summary, null, null));
                // Not holding the model: the performance may take a bar or two to let go of the old one.
                released.Wait();
                old?.Dispose();
                return true;
            }
            catch (Exception e) when (e is ModelFileException or NotesFileException or FileNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                IsLoading = false;
                Changed?.Invoke(new ModelSessionState(Summary, null, $"Could not load {model ?? "the default model"}: {e.Message.Split('\n')[0]}"));
                return false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A damaged file can fail in ways no reader names (JsonException, FormatException, ...).
                IsLoading = false;
                Changed?.Invoke(new ModelSessionState(Summary, null, BackgroundFailure.Report($"Loading {model ?? "the default model"}", e)));
                return false;
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> with the current model (on the caller's thread); null when none is loaded.</summary>
    public T? Use<T>(Func<LoadedModel, T> work)
        where T : class
    {
        lock (_use)
        {
            return _model is null ? null : work(_model);
        }
    }

    public void Dispose()
    {
        lock (_use)
        {
            _model?.Dispose();
            _model = null;
        }
    }
}
