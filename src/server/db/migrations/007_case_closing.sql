-- Closing a case says why: a reason category and the caseworker's own words. A case can be
-- reopened; its closings and reopenings stay in case_change.

ALTER TABLE citizen_case
  ADD COLUMN close_reason text CHECK (close_reason IN ('job', 'education', 'moved', 'other_benefit', 'other')),
  ADD COLUMN close_reason_text text CHECK (length(close_reason_text) <= 4000);

ALTER TABLE case_change DROP CONSTRAINT case_change_kind_check;
ALTER TABLE case_change ADD CONSTRAINT case_change_kind_check
  CHECK (kind IN ('registered', 'category', 'track', 'reassigned', 'closed', 'reopened', 'note', 'break_glass'));
