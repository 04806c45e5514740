namespace RlGameTester.Analysis.Reports;

/// <summary>Why a report is being written; decides whether the LLM is asked and whether unchanged evidence is rewritten.</summary>
internal enum ReportTrigger
{
    /// <summary>
    /// A run was analysed (or its evidence changed since: frames checked, a finding deleted): its report and its level's
    /// report. Unchanged evidence keeps the stored report.
    /// </summary>
    RunAnalysed,

    /// <summary>An upload's levels were checked: one template report per level (many levels per file keep it cheap).</summary>
    LevelsChecked,

    /// <summary>Someone asked through the Api: always rewritten, the LLM asked when configured.</summary>
    Requested,
}
