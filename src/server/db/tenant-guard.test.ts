import { describe, expect, it } from 'vitest';
import { tenantProblem } from './tenant-guard.js';

describe('tenantProblem', () => {
  it('accepts a filtered statement, aliased or not', () => {
    expect(tenantProblem('select "id" from "team" where "municipality_id" = $1')).toBeNull();
    expect(
      tenantProblem('select "c"."id" from "citizen_case" as "c" where "c"."municipality_id" = $1 and "c"."id" = $2'),
    ).toBeNull();
    expect(
      tenantProblem('update "citizen_case" set "version" = "version" + 1 where "municipality_id" = $1'),
    ).toBeNull();
    expect(tenantProblem('delete from "case_deadline" where "municipality_id" = $1 and "case_id" = $2')).toBeNull();
  });

  it('accepts a join tied to a filtered table, in either direction and through a chain', () => {
    const sql =
      'select * from "case_deadline" as "d" inner join "citizen_case" as "c" on "c"."municipality_id" = "d"."municipality_id" ' +
      'inner join "citizen" as "z" on "z"."municipality_id" = "c"."municipality_id" where "d"."municipality_id" = $1';
    expect(tenantProblem(sql)).toBeNull();
    expect(
      tenantProblem(
        'SELECT 1 FROM enrolment e JOIN status_period p ON p.municipality_id = $1 WHERE $2 = e.municipality_id',
      ),
    ).toBeNull();
  });

  it('refuses a table without a filter, a join left loose and a loop of joins tied to nothing', () => {
    expect(tenantProblem('select "id" from "team" where "id" = $1')).toBe('team is not filtered by municipality_id');
    expect(
      tenantProblem(
        'select * from "citizen_case" as "c" inner join "citizen" as "z" on "z"."id" = "c"."citizen_id" where "c"."municipality_id" = $1',
      ),
    ).toBe('citizen as z is not filtered by municipality_id');
    expect(tenantProblem('select * from citizen_case c join citizen z on z.municipality_id = c.municipality_id')).toBe(
      'citizen_case as c is not filtered by municipality_id',
    );
  });

  it('checks subqueries and the column list of an insert', () => {
    expect(
      tenantProblem(
        'select * from "team" as "t" where "t"."municipality_id" = $1 and exists (select 1 from "team_member" as "m" where "m"."team_id" = "t"."id")',
      ),
    ).toBe('team_member as m is not filtered by municipality_id');
    expect(tenantProblem('insert into "case_change" ("municipality_id", "id") values ($1, $2)')).toBeNull();
    expect(tenantProblem('insert into "case_change" ("id", "kind") values ($1, $2)')).toBe(
      'INSERT INTO case_change without municipality_id',
    );
  });

  it('ignores tables of no municipality and lets a marked statement through', () => {
    expect(tenantProblem('select count(*) from schema_migrations')).toBeNull();
    expect(
      tenantProblem('select "id" from "app_user" where "email" = $1 /* all municipalities: login by e-mail */'),
    ).toBeNull();
    expect(tenantProblem("select 'from team' as x")).toBeNull();
  });
});
