using System.Text;

namespace TradeFlow.Server.Tests.Http.Support;

/// <summary>A memory stream that signals its first write, so a test can await output instead of polling for it.</summary>
internal sealed class SignallingStream : MemoryStream
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes on the first write.</summary>
    public Task Written => _written.Task;

    /// <summary>Everything written, as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(ToArray());

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await base.WriteAsync(buffer, cancellationToken);
        _written.TrySetResult();
    }
}
