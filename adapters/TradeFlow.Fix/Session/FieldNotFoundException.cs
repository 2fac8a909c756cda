using System.Globalization;

namespace TradeFlow.Fix.Session;

/// <summary>Thrown by <see cref="IApplication.FromApp"/> when a field it needs is absent: answered with Reject (3), 373=1, 371=tag.</summary>
public sealed class FieldNotFoundException : TagException
{
    /// <summary>Creates the exception for the missing <paramref name="tag"/>.</summary>
    public FieldNotFoundException(int tag)
        : base(tag, string.Create(CultureInfo.InvariantCulture, $"Required tag missing: {tag}"))
    {
    }

    /// <inheritdoc/>
    public override int SessionRejectReason => 1;
}
