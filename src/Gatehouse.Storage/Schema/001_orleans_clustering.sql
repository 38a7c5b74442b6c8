-- Gatehouse migration 001: Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2,
-- invariant "Npgsql"), written for this project from shared/orleans-adonet-contract.md.
--
-- Identifiers are unquoted lower case: the provider loads its queries with an unquoted
-- "SELECT QueryKey, QueryText FROM OrleansQuery", which PostgreSQL folds to lower case.
-- The provider never opens a transaction, so every compare-and-set below checks and writes in one
-- function call: a failed check raises inside an inner block (rolling back whatever that block
-- wrote) and the function returns 0. RAISE is used rather than ASSERT because ASSERT is skipped
-- when plpgsql.check_asserts is off.
--
-- The migrator runs this file once, in one transaction, and records it in
-- gatehouse_schema_migrations.

-- The provider's query texts, keyed exactly (case-sensitive) as Orleans looks them up.
CREATE TABLE orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

-- One row per cluster (DeploymentId = ClusterOptions.ClusterId). Version is the table ETag that
-- every membership change must present and increment; it must fit in int32.
CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150)   NOT NULL,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

-- One row per silo generation. SuspectTimes is Orleans' opaque "silo,date|silo,date" list,
-- stored verbatim. Timestamps are timestamptz so the session TimeZone never shifts them.
CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150)   NOT NULL,
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_deploymentid FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Creates the cluster's version row (Version 0) unless it exists.
-- Returns 1 when this call created it, 0 when it was already there.
CREATE OR REPLACE FUNCTION orleans_insert_membership_version(p_deployment_id text)
RETURNS integer
LANGUAGE plpgsql
AS $body$
DECLARE
    affected integer;
BEGIN
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (p_deployment_id)
    ON CONFLICT (deploymentid) DO NOTHING;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN affected;
END
$body$;

-- Adds a silo row if the stored Version equals p_version and the silo's key is new, and bumps
-- Version. Returns 1 on success; 0 with nothing written otherwise.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_proxy_port     integer,
    p_start_time     timestamptz,
    p_i_am_alive_time timestamptz,
    p_version        integer)
RETURNS integer
LANGUAGE plpgsql
AS $body$
DECLARE
    affected integer;
BEGIN
    BEGIN
        -- Taking the version row's lock first serialises every writer of this cluster; a
        -- concurrent writer that got there first has changed Version, so this check fails.
        UPDATE orleansmembershipversiontable AS v
           SET version = v.version + 1,
               timestamp = now()
         WHERE v.deploymentid = p_deployment_id
           AND v.version = p_version
           AND v.version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'membership version % is not current for cluster %', p_version, p_deployment_id
                USING ERRCODE = 'assert_failure';
        END IF;

        INSERT INTO orleansmembershiptable
            (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
             starttime, iamalivetime)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
             p_proxy_port, p_start_time, p_i_am_alive_time)
        ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'silo %:%@% is already a member of cluster %', p_address, p_port, p_generation, p_deployment_id
                USING ERRCODE = 'assert_failure';
        END IF;

        RETURN 1;
    EXCEPTION
        WHEN assert_failure THEN
            RETURN 0;
    END;
END
$body$;

-- Changes a silo's Status, SuspectTimes and IAmAliveTime if the stored Version equals p_version
-- and the row exists, and bumps Version. Returns 1 on success; 0 with nothing written otherwise.
CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $body$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable AS v
           SET version = v.version + 1,
               timestamp = now()
         WHERE v.deploymentid = p_deployment_id
           AND v.version = p_version
           AND v.version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'membership version % is not current for cluster %', p_version, p_deployment_id
                USING ERRCODE = 'assert_failure';
        END IF;

        UPDATE orleansmembershiptable AS m
           SET status = p_status,
               suspecttimes = p_suspect_times,
               iamalivetime = p_i_am_alive_time
         WHERE m.deploymentid = p_deployment_id
           AND m.address = p_address
           AND m.port = p_port
           AND m.generation = p_generation;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            -- Undoes the Version bump above: the whole inner block rolls back.
            RAISE EXCEPTION 'silo %:%@% is not a member of cluster %', p_address, p_port, p_generation, p_deployment_id
                USING ERRCODE = 'assert_failure';
        END IF;

        RETURN 1;
    EXCEPTION
        WHEN assert_failure THEN
            RETURN 0;
    END;
END
$body$;

-- The provider's queries. Re-running refreshes the texts; a running silo reads them only at start.
INSERT INTO orleansquery (querykey, querytext)
VALUES
('InsertMembershipVersionKey', $q$
SELECT orleans_insert_membership_version(@DeploymentId) AS row_count;
$q$),

('MembershipReadAllKey', $q$
SELECT m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleansmembershipversiontable AS v
  LEFT OUTER JOIN orleansmembershiptable AS m
    ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleansmembershipversiontable AS v
  LEFT OUTER JOIN orleansmembershiptable AS m
    ON m.deploymentid = v.deploymentid
   AND m.address = @Address
   AND m.port = @Port
   AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
       @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS row_count;
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status,
       @SuspectTimes, @IAmAliveTime, @Version) AS row_count;
$q$),

-- The heartbeat is a blind write of one row's IAmAliveTime: never Version or Timestamp.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable AS m
   SET iamalivetime = @IAmAliveTime
 WHERE m.deploymentid = @DeploymentId
   AND m.address = @Address
   AND m.port = @Port
   AND m.generation = @Generation;
$q$),

('GatewaysQueryKey', $q$
SELECT m.address, m.proxyport, m.generation
  FROM orleansmembershiptable AS m
 WHERE m.deploymentid = @DeploymentId
   AND m.status = @Status
   AND m.proxyport > 0;
$q$),

-- Bulk cleanup: only Dead (6) rows that started and last heartbeated before the cutoff and were
-- never suspected. Rows carrying suspicions are left to CleanupDefunctSiloEntryKey, whose caller
-- checks every suspicion time. Never changes Version.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable AS m
 WHERE m.deploymentid = @DeploymentId
   AND m.status = 6
   AND m.starttime < @IAmAliveTime
   AND m.iamalivetime < @IAmAliveTime
   AND (m.suspecttimes IS NULL OR m.suspecttimes = '');
$q$),

-- Per-row cleanup: deletes the row only if it is still Dead and still holds exactly the values the
-- cleanup agent read (a NULL and an empty SuspectTimes count as equal). Never changes Version.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable AS m
 WHERE m.deploymentid = @DeploymentId
   AND m.address = @Address
   AND m.port = @Port
   AND m.generation = @Generation
   AND m.status = 6
   AND m.starttime = CAST(@StartTime AS timestamptz(3))
   AND m.iamalivetime = CAST(@IAmAliveTime AS timestamptz(3))
   AND COALESCE(m.suspecttimes, '') = COALESCE(CAST(@SuspectTimes AS text), '');
$q$),

-- For tools and tests: removes a cluster's members and its version row.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
