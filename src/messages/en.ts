// English messages; this file defines the catalogue's keys and their parameters (vi.ts must match it).
import { plural } from './plural.js';

export const en = {
  // Words of tables and headers
  id: 'Id', task: 'Task', section: 'Section', content: 'Work', lead: 'Lead', support: 'Support', output: 'Output',
  when: 'Timeline', period: 'Period', due: 'Due', days: 'Days', daysLate: 'Days late (negative: days left)', role: 'Role', status: 'Status', agency: 'Agency',
  name: 'Name', aliases: 'Aliases', members: 'Members', none: '—', occurrences: 'Occurrences', records: 'Records',
  start: 'Starts', plan: 'Plan', asOf: 'As of', all: 'all agencies', via: 'via',
  'role.lead': 'lead', 'role.support': 'support',
  'status.done': 'done', 'status.late': 'done late', 'status.overdue': 'overdue', 'status.due-soon': 'due soon',
  'status.open': 'open', 'status.scheduled': 'scheduled', 'status.ongoing': 'ongoing', 'status.waiting': 'waiting',
  'status.none': '—', 'status.no-record': 'no record', 'status.unknown': 'no due date understood',
  late: (p: { n: number }) => `${plural(p.n, 'day', 'days')} late`,
  left: (p: { n: number }) => `${plural(p.n, 'day', 'days')} left`,
  today: 'today', noItems: 'Nothing is overdue or due soon.',
  outside: (p: { d: string; s: string; e: string }) => `${p.d} is outside the plan period (${p.s} – ${p.e}).`,
  total: 'Total', onTime: 'On time', doneOn: 'Done on', docNote: 'Document, note', shortLead: 'Lead',

  // Periods as a person reads them
  'period.month': (p: { y: string; m: number }) => `${p.y}-${String(p.m).padStart(2, '0')}`,
  'period.quarter': (p: { y: string; q: number }) => `Q${p.q} ${p.y}`,
  'period.half': (p: { y: string; h: number }) => `H${p.h} ${p.y}`,
  'period.year': (p: { y: string }) => p.y,
  'period.from': (p: { d: string }) => `from ${p.d}`,
  /** A run of months or quarters of one year; English names the first and the last. */
  'period.months': (p: { y: string; a: number; b: number }) => `${p.y}-${String(p.a).padStart(2, '0')} – ${p.y}-${String(p.b).padStart(2, '0')}`,
  'period.quarters': (p: { y: string; a: number; b: number }) => `Q${p.a} ${p.y} – Q${p.b} ${p.y}`,
  'period.quarterName': (p: { q: number }) => `Q${p.q}`,

  // The due table
  'due.count': (p: { n: number }) => plural(p.n, 'period', 'periods'),
  'due.worst': (p: { n: number }) => `up to ${p.n} days late`,

  // The status table
  'status.doneCount': 'done',
  'status.records': (p: { n: number }) => plural(p.n, 'record', 'records'),
  'status.totalsLabel': 'Occurrences',
  'status.reporting': ' · reporting periods of Decree 09/2019/NĐ-CP',
  'status.legend': 'Legend:',
  'status.triggered': 'Triggered',
  'status.record': 'Record',
  'status.quarterEmpty': 'No task has anything in this quarter.',
  'status.legend.cell':
    'Each cell: the status that needs attention first among the occurrences due in the quarter (overdue, due soon, open, scheduled, done late, done); ' +
    '"overdue 2/3": 2 of the 3 occurrences due in the quarter are done (on time or late).',
  'status.legend.words':
    '"ongoing (2 records)": a continuous task and its records in the quarter; "no record": a past quarter without one; "waiting": no triggering document yet; "—": nothing due in the quarter.',
  'status.legend.group':
    "A group's cell takes the first status any of its tasks has, in this order: overdue, due soon, no record, open, ongoing, scheduled, done late, done, waiting, —.",
  'status.legend.agency': 'Each agency counts every task that names it or names a collective it belongs to (as `tthc due --agency` does).',
  'status.legend.total':
    'The Total row counts occurrences due in the quarter, each once however many rows show it (as `tthc due` does); "On time": done on time ÷ (done + done late + overdue).',
  'status.outside': (p: { n: number; reporting: boolean; list: string }) =>
    `${p.n} ${p.n === 1 ? 'occurrence falls' : 'occurrences fall'} due outside the four quarters${p.reporting ? " (next year's first reporting period)" : ''}${p.list}.`,

  // Confirmations of done, trigger and undo
  'record.document': (p: { ref: string }) => `, document ${p.ref}`,
  'record.triggerDue': (p: { due: string }) => `; due ${p.due}`,
  'record.trigger': (p: { day: string }) => `recorded the trigger on ${p.day}`,
  'record.activity': (p: { day: string }) => `recorded an activity on ${p.day}`,
  'record.late': (p: { n: number; due: string }) => `: ${plural(p.n, 'day', 'days')} late (due ${p.due})`,
  'record.onTime': (p: { due: string }) => `: on time (due ${p.due})`,
  'record.done': (p: { day: string }) => `recorded as done on ${p.day}`,
  'undo.nothing': (p: { file: string }) => `${p.file}: tthc has added no record to this plan on this computer; there is nothing to undo.`,
  'undo.nothing.hint': 'Edit the plan by hand, then run `tthc check`.',
  'undo.changed': (p: { file: string; record: string; day: string }) =>
    `${p.file} has changed since tthc added the record ${p.record} (${p.day}); it cannot be undone, and nothing was written.`,
  'undo.changed.hint': 'Remove that record by hand (see `git diff`), then run `tthc check`.',
  'undo.removed': (p: { file: string; record: string }) => `${p.file}: removed the record ${p.record}.`,
  'undo.trigger': (p: { day: string }) => `the trigger on ${p.day}`,
  'undo.done': (p: { day: string }) => `done on ${p.day}`,

  // tthc diff
  'diff.title': 'Changes to the plan', 'diff.unchanged': 'The plan means the same (only wording of the file, comments or spacing differ).',
  'diff.summary': 'Summary', 'diff.added': 'tasks added', 'diff.removed': 'tasks removed', 'diff.renumbered': 'renumbered', 'diff.changed': 'tasks changed',
  'diff.moved': 'moved deadlines', 'diff.recAdded': 'records added', 'diff.recChanged': 'records changed', 'diff.recRemoved': 'records removed', 'diff.agencies': 'agencies changed',
  'diff.hMoved': 'Moved deadlines', 'diff.hAdded': 'Tasks added', 'diff.hRemoved': 'Tasks removed', 'diff.hChanged': 'Tasks changed', 'diff.hAgencies': 'Agencies',
  'diff.hBases': 'Legal bases', 'diff.hHeading': 'Heading', 'diff.hSections': 'Sections of the appendix', 'diff.hText': 'Other parts of the text changed',
  'diff.renum': 'Renumbered', 'diff.section': 'Moved to section', 'diff.due': 'Due', 'diff.dueAdded': 'new occurrence', 'diff.dueRemoved': 'occurrence removed', 'diff.open': 'open-ended',
  'diff.agency': 'Agencies', 'diff.viaCollective': 'Through collectives', 'diff.via': 'via', 'diff.notInvolved': 'not involved',
  'diff.recAddedOne': 'Record added', 'diff.recChangedOne': 'Record changed', 'diff.recRemovedOne': 'Record removed', 'diff.lost': 'records lost with it',
  'diff.newAgency': 'new agency', 'diff.goneAgency': 'agency removed', 'diff.renamed': 'renamed',
  'diff.membersAdded': 'members added', 'diff.membersRemoved': 'members removed', 'diff.aliasesAdded': 'aliases added', 'diff.aliasesRemoved': 'aliases removed',
  'diff.tasks': 'tasks affected', 'diff.none': '—', 'diff.on': 'on', 'diff.sectionGone': 'removed', 'diff.sectionNew': 'new section',
  'diff.content': 'Work', 'diff.output': 'Output', 'diff.when': 'Timeline', 'diff.schedule': 'Schedule',
  'diff.wasNow': 'Was', 'diff.now': 'Now', 'diff.task': 'Task',

  // The CLI's own lines
  'cli.seeCommandHelp': (p: { command: string }) => `Run \`tthc ${p.command} --help\` for the options.`,
  'cli.seeHelp': 'Run `tthc --help` for the commands.',
  'cli.hint': 'hint',
  'cli.internal': (p: { message: string; debug: boolean }) =>
    `internal error: ${p.message}\nPlease report it with the command you ran${p.debug ? '' : ' (set TTHC_DEBUG=1 for details)'}.`,
};
