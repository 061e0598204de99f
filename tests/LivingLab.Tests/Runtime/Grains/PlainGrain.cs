using Orleans;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.IPlainGrain")]
public interface IPlainGrain : IGrainWithStringKey
{
    Task<string?> Read();

    Task Write(string text);

    Task Clear();

    Task<(bool Exists, string? Etag)> Record();
}

/// <summary>Stored state of the plain test grain: Orleans' own persistent state over the project's provider.</summary>
public sealed class PlainState
{
    public string? Text { get; set; }
}

public sealed class PlainGrain([PersistentState("plain", "livinglab")] IPersistentState<PlainState> state) : Grain, IPlainGrain
{
    public Task<string?> Read() => Task.FromResult(state.State.Text);

    public async Task Write(string text)
    {
        var previous = state.State.Text;
        state.State.Text = text;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Orleans' own state keeps the activation: a refused value must not stay behind in memory.
            state.State.Text = previous;
            throw;
        }
    }

    public Task Clear() => state.ClearStateAsync();

    public Task<(bool Exists, string? Etag)> Record() => Task.FromResult((state.RecordExists, state.Etag));
}
