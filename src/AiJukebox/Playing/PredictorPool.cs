using AiJukebox.Live;
using AiJukebox.Music;

namespace AiJukebox.Playing;

/// <summary>
/// The predictors a performance has been given: each is disposed once the performance no longer
/// uses it (a model switched away from) or when the pool is, whichever comes first, never twice.
/// </summary>
internal sealed class PredictorPool : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ITokenPredictor, TaskCompletionSource> _owned = new(ReferenceEqualityComparer.Instance);

    public ITokenPredictor Add(ITokenPredictor predictor)
    {
        lock (_gate)
        {
            _owned[predictor] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return predictor;
    }

    /// <summary>Completes once <paramref name="predictor"/> has been disposed (at once when the pool does not hold it).</summary>
    public Task WhenDisposed(ITokenPredictor predictor)
    {
        lock (_gate)
        {
            return _owned.TryGetValue(predictor, out var disposed) ? disposed.Task : Task.CompletedTask;
        }
    }

    /// <summary>Has <paramref name="performer"/> switch to <paramref name="predictor"/> at the next phrase; what it stops using is disposed.</summary>
    /// <exception cref="ArgumentException">The model and the tokenizer disagree (the predictor is disposed).</exception>
    public void Switch(Performer performer, ITokenizer tokenizer, ITokenPredictor predictor)
    {
        Add(predictor);
        Task<ITokenPredictor> retired;
        try
        {
            retired = performer.SwitchModel(tokenizer, predictor);
        }
        catch (ArgumentException)
        {
            Retire(predictor);
            throw;
        }

        retired.ContinueWith(t => Retire(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>Disposes <paramref name="predictor"/> if the pool holds it.</summary>
    public void Retire(ITokenPredictor predictor)
    {
        TaskCompletionSource? disposed;
        lock (_gate)
        {
            _owned.Remove(predictor, out disposed);
        }

        if (disposed is not null)
        {
            predictor.Dispose();
            disposed.SetResult();
        }
    }

    public void Dispose()
    {
        List<KeyValuePair<ITokenPredictor, TaskCompletionSource>> all;
        lock (_gate)
        {
            all = [.. _owned];
            _owned.Clear();
        }

        foreach (var (predictor, disposed) in all)
        {
            predictor.Dispose();
            disposed.SetResult();
        }
    }
}
