-- After spine surgery, automatic progression waits until a clinician clears it for the member.
-- (Numbered 10 to stay clear of the migrations other branches add in parallel.)
alter table adaptation_setting add column progression_cleared boolean not null default false;
