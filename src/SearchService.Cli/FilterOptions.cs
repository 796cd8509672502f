using System.CommandLine;
using SearchService.Api.V1;

namespace SearchService.Cli;

/// <summary>The filter options every list verb shares; values of one option are OR-ed, options AND-ed.</summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> _wards = Many<string>("--ward", "Only reports about this ward (repeat for several)", "name");
    private readonly Option<string[]> _districts = Many<string>("--district", "Only reports about this district", "name");
    private readonly Option<int[]> _years = Many<int>("--year", "Only reports published in this year", "yyyy");
    private readonly Option<int?> _yearFrom = new("--year-from") { Description = "Published in this year or later", HelpName = "yyyy" };
    private readonly Option<int?> _yearTo = new("--year-to") { Description = "Published in this year or earlier", HelpName = "yyyy" };
    private readonly Option<string[]> _topics = Many<string>("--topic", "Only reports on this topic", "topic");
    private readonly Option<string[]> _references = Many<string>("--reference", "Only reports that cite this document (\"Chỉ thị 05\")", "reference");

    public FilterOptions(Command command, bool withReference = true)
    {
        command.Options.Add(_wards);
        command.Options.Add(_districts);
        command.Options.Add(_years);
        command.Options.Add(_yearFrom);
        command.Options.Add(_yearTo);
        command.Options.Add(_topics);
        if (withReference)
        {
            command.Options.Add(_references);
        }
    }

    public Filter Read(ParseResult parse)
    {
        var filter = new Filter
        {
            YearFrom = parse.GetValue(_yearFrom) ?? 0,
            YearTo = parse.GetValue(_yearTo) ?? 0,
        };
        filter.Wards.AddRange(parse.GetValue(_wards) ?? []);
        filter.Districts.AddRange(parse.GetValue(_districts) ?? []);
        filter.Years.AddRange(parse.GetValue(_years) ?? []);
        filter.Topics.AddRange(parse.GetValue(_topics) ?? []);
        filter.References.AddRange(parse.GetValue(_references) ?? []);
        return filter;
    }

    public static bool IsEmpty(Filter filter) => filter.Equals(new Filter());

    private static Option<T[]> Many<T>(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
