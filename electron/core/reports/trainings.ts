import { prepared } from '../db/statements';
import { periodFilter, rate, type ReportModule } from './report';

/**
 * `trainings-by-program`: sessions that ended in the period (not cancelled), per program: live
 * enrolments, who attended, passed and failed; the pass rate is passed among those with a
 * result. A session belongs to the region of the office that runs it.
 */

interface ProgramRow {
  programId: string;
  program: string | null;
  sessions: number;
  enrolled: number;
  present: number;
  passed: number;
  failed: number;
}

export const trainingsByProgramReport: ReportModule = {
  columns: () => [
    { key: 'program', type: 'text' }, { key: 'sessions', type: 'number' }, { key: 'enrolled', type: 'number' }, { key: 'present', type: 'number' },
    { key: 'passed', type: 'number' }, { key: 'failed', type: 'number' }, { key: 'passRate', type: 'rate' },
  ],
  count(db, period) {
    const where = periodFilter(period, 'ts.end_date', 'ts.office');
    const rows = prepared(
      db,
      `SELECT ts.program_id AS programId, COALESCE(p.title_ru, p.title_kk, p.title_en) AS program, count(DISTINCT ts.id) AS sessions,
         count(en.id) AS enrolled, COALESCE(sum(en.attendance = 'present'), 0) AS present,
         COALESCE(sum(en.result = 'passed'), 0) AS passed, COALESCE(sum(en.result = 'failed'), 0) AS failed
       FROM training_sessions ts LEFT JOIN programs p ON p.id = ts.program_id
         LEFT JOIN enrolments en ON en.session_id = ts.id AND en.deleted = 0
       WHERE ts.deleted = 0 AND ts.status <> 'cancelled' ${where.dates}${where.region}
       GROUP BY ts.program_id ORDER BY program, ts.program_id`,
    ).all(...where.params) as ProgramRow[];
    const sum = (k: 'sessions' | 'enrolled' | 'present' | 'passed' | 'failed') => rows.reduce((s, r) => s + r[k], 0);
    return {
      rows: rows.map((r) => ({ ...r, passRate: rate(r.passed, r.passed + r.failed) })),
      totals: {
        sessions: sum('sessions'), enrolled: sum('enrolled'), present: sum('present'), passed: sum('passed'), failed: sum('failed'),
        passRate: rate(sum('passed'), sum('passed') + sum('failed')),
      },
    };
  },
};
