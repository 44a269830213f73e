-- The ledger's list, newest first (CaseInquiries: order by received_at desc, id desc): the
-- first page of a province's millions of cases read from the index's end, not sorted.
create index case_file_received_idx on case_file (received_at desc, id desc);
