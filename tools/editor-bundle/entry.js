// The parts of CodeMirror 6 that safetykg's SPARQL editor (safetykg/web/static/editor.js) uses, as one global:
// CodeMirrorSPARQL. Built by `npm run build` (see README.md); nothing else goes into the bundle.
export { EditorView, keymap, lineNumbers, drawSelection, highlightSpecialChars } from "@codemirror/view";
export { EditorState } from "@codemirror/state";
export { StreamLanguage, syntaxHighlighting, syntaxTree, bracketMatching, indentOnInput } from "@codemirror/language";
export { tagHighlighter, tags } from "@lezer/highlight";
export { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
export { autocompletion, startCompletion, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
export { sparql } from "@codemirror/legacy-modes/mode/sparql";
