using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentCloud.Core.Data;

/// <summary>Stores instants as UTC ticks (a sortable integer); reads them back as UTC.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
