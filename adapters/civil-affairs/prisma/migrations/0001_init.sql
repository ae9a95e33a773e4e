-- 民政业务库: the civil-affairs bureau's tables, in the schema on the search path.
-- Codes are the bureau's own and are not constrained here: the legacy system never
-- enforced them, so the adapter checks what it reads.

CREATE TABLE jzaj (
  ajbh   varchar(32) PRIMARY KEY,
  jzlx   char(2)     NOT NULL,
  sqrxm  varchar(50) NOT NULL,
  sprq   date        NOT NULL,
  xzqhdm char(6)     NOT NULL
);
COMMENT ON TABLE jzaj IS '救助案件（低保、特困）';
COMMENT ON COLUMN jzaj.jzlx IS '救助类型：10 低保，20 特困';

CREATE TABLE jzcy (
  ajbh varchar(32) NOT NULL REFERENCES jzaj (ajbh),
  cyxh smallint    NOT NULL,
  sfzh varchar(32) NOT NULL,
  xm   varchar(50) NOT NULL,
  cyzt char(1)     NOT NULL,
  nrrq date        NOT NULL,
  bzje integer     NOT NULL,
  PRIMARY KEY (ajbh, cyxh)
);
CREATE INDEX jzcy_sfzh_idx ON jzcy (sfzh);
COMMENT ON TABLE jzcy IS '救助家庭成员';
COMMENT ON COLUMN jzcy.cyzt IS '成员状态：1 在保，2 暂停，3 停保';
COMMENT ON COLUMN jzcy.bzje IS '保障金额（分/人/月）';

CREATE TABLE cjrz (
  czh  varchar(32) PRIMARY KEY,
  sfzh varchar(32) NOT NULL,
  xm   varchar(50) NOT NULL,
  cjlb char(1)     NOT NULL,
  cjdj char(1)     NOT NULL,
  fzrq date        NOT NULL
);
CREATE INDEX cjrz_sfzh_idx ON cjrz (sfzh);
COMMENT ON TABLE cjrz IS '残疾人证';
COMMENT ON COLUMN cjrz.cjlb IS '残疾类别：1 视力，2 听力，3 言语，4 肢体，5 智力，6 精神，7 多重';

CREATE TABLE gljt (
  ffbh varchar(20)  PRIMARY KEY,
  sfzh varchar(32)  NOT NULL,
  xm   varchar(50)  NOT NULL,
  ksrq date         NOT NULL,
  yje  numeric(8,2) NOT NULL
);
CREATE INDEX gljt_sfzh_idx ON gljt (sfzh);
COMMENT ON TABLE gljt IS '高龄津贴（80周岁以上）';
COMMENT ON COLUMN gljt.yje IS '月津贴金额（元）';

CREATE TABLE yfdx (
  yfzh   varchar(20) PRIMARY KEY,
  sfzh   varchar(32) NOT NULL,
  xm     varchar(50) NOT NULL,
  yflb   char(2)     NOT NULL,
  yflbmc varchar(50) NOT NULL,
  rdrq   date        NOT NULL
);
CREATE INDEX yfdx_sfzh_idx ON yfdx (sfzh);
COMMENT ON TABLE yfdx IS '优抚对象';

CREATE TABLE hydj (
  djzh   varchar(24) PRIMARY KEY,
  djlx   char(2)     NOT NULL,
  djrq   date        NOT NULL,
  nfsfzh varchar(32),
  nfxm   varchar(50) NOT NULL,
  nvsfzh varchar(32),
  nvxm   varchar(50) NOT NULL
);
CREATE INDEX hydj_nfsfzh_idx ON hydj (nfsfzh);
CREATE INDEX hydj_nvsfzh_idx ON hydj (nvsfzh);
COMMENT ON TABLE hydj IS '婚姻登记';
COMMENT ON COLUMN hydj.djlx IS '登记类型：IA 结婚登记，IB 离婚登记';
