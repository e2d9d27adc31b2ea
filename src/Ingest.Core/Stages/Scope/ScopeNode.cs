using Ingest.Core.Model;

namespace Ingest.Core.Stages.Scope;

/// <summary>The levels of the scope tree, innermost last; a value takes the innermost cue that governs it.</summary>
public enum ScopeLevel { Document, Section, LeadIn, Table, Column, Row, Paragraph, Sentence, Value }

/// <summary>One node of a value's scope path: its level and the cues that govern the value there, nearest first.</summary>
public sealed record ScopeNode(ScopeLevel Level, IReadOnlyList<Cue> Cues);
