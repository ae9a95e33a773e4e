-- Changes reported once to the street (issue 14) and applied by the bureau in its own tables.

-- The bureau's record of every change delivered to it, keyed by the delivery's idempotency
-- key and written in the same transaction as the change itself: a repeated delivery finds
-- its first outcome here and changes nothing, even after a crash between the two.
CREATE TABLE bgjl (
  mdbs varchar(128) PRIMARY KEY,
  bglx varchar(20)  NOT NULL,
  sfzh varchar(32),
  fsrq date         NOT NULL,
  cljg char(1)      NOT NULL,
  jjly varchar(200),
  clsj timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX bgjl_sfzh_idx ON bgjl (sfzh, bglx);
COMMENT ON TABLE bgjl IS '变更受理记录';
COMMENT ON COLUMN bgjl.mdbs IS '幂等标识：报送编号';
COMMENT ON COLUMN bgjl.bglx IS '变更类型：MOVE_OUT 迁出，DEATH 死亡，MARRIAGE 结婚，DIVORCE 离婚，EMPLOYMENT_CHANGE 就业变化';
COMMENT ON COLUMN bgjl.sfzh IS '当事人身份证号，如报送';
COMMENT ON COLUMN bgjl.cljg IS '处理结果：1 受理，2 不予受理';
COMMENT ON COLUMN bgjl.jjly IS '不予受理理由';

-- 高龄津贴 stops (death, moving away) without losing the row that says it was paid.
ALTER TABLE gljt ADD COLUMN tfrq date;
COMMENT ON COLUMN gljt.tfrq IS '停发日期：空为发放中';

-- 动态管理: a household's assistance is reviewed when its circumstances change.
CREATE TABLE jzfc (
  ajbh varchar(32)  NOT NULL REFERENCES jzaj (ajbh),
  fcxh smallint     NOT NULL,
  sfzh varchar(32)  NOT NULL,
  fcyy varchar(100) NOT NULL,
  djrq date         NOT NULL,
  fczt char(1)      NOT NULL DEFAULT '0',
  mdbs varchar(128) NOT NULL REFERENCES bgjl (mdbs),
  PRIMARY KEY (ajbh, fcxh)
);
COMMENT ON TABLE jzfc IS '救助复核登记';
COMMENT ON COLUMN jzfc.sfzh IS '情况变化的成员';
COMMENT ON COLUMN jzfc.fcyy IS '复核原因';
COMMENT ON COLUMN jzfc.fczt IS '复核状态：0 待复核，1 已复核';
