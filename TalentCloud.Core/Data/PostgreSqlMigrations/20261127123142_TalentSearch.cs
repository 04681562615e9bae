using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentCloud.Core.Data.PostgreSqlMigrations
{
    /// <summary>
    /// PostgreSQL's twin of the SQLite TalentSearch migration: a weighted <c>tsvector</c> on each profile (name A,
    /// title and skills B, bio D) with a GIN index, kept in step by triggers on <c>Profiles</c> and <c>ProfileSkills</c>
    /// whoever writes (EF or raw SQL). The text configuration <c>talentcloud</c> stems English words and folds
    /// diacritics like SQLite's <c>porter unicode61 remove_diacritics 2</c>, and drops no stop words, so every word
    /// a user types is searched.
    /// </summary>
    public partial class TalentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH DICTIONARY talentcloud_stem (TEMPLATE = snowball, Language = english);");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION talentcloud (COPY = simple);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION talentcloud
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                    WITH unaccent, talentcloud_stem;
                """);
            migrationBuilder.Sql("""ALTER TABLE "Profiles" ADD COLUMN "SearchVector" tsvector NOT NULL DEFAULT ''::tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_profile_vector(display_name text, title text, skills text, bio text) RETURNS tsvector
                LANGUAGE sql STABLE AS $$
                    SELECT setweight(to_tsvector('talentcloud', coalesce(display_name, '')), 'A')
                        || setweight(to_tsvector('talentcloud', coalesce(title, '')), 'B')
                        || setweight(to_tsvector('talentcloud', coalesce(skills, '')), 'B')
                        || setweight(to_tsvector('talentcloud', coalesce(bio, '')), 'D')
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_profile_skills(profile_id integer) RETURNS text
                LANGUAGE sql STABLE AS $$
                    SELECT string_agg(s."Name"::text, ' ') FROM "ProfileSkills" s WHERE s."ProfileId" = profile_id
                $$;
                """);

            // A profile's own columns: computed before the row is written.
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_profile_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."SearchVector" := talentcloud_profile_vector(NEW."DisplayName", NEW."Title",
                        talentcloud_profile_skills(NEW."Id"), NEW."Bio");
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProfileSearch_ProfileWritten" BEFORE INSERT OR UPDATE OF "DisplayName", "Title", "Bio" ON "Profiles"
                    FOR EACH ROW EXECUTE FUNCTION talentcloud_profile_search_row();
                """);

            // Skills: once per statement, for every profile the statement touched (a bulk load updates each profile once).
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_profile_search_refresh(profile_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Profiles" p
                    SET "SearchVector" = talentcloud_profile_vector(p."DisplayName", p."Title", talentcloud_profile_skills(p."Id"), p."Bio")
                    WHERE p."Id" = ANY (profile_ids)
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_skills_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM talentcloud_profile_search_refresh(ARRAY(SELECT DISTINCT "ProfileId" FROM new_skills));
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_skills_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM talentcloud_profile_search_refresh(ARRAY(SELECT DISTINCT "ProfileId" FROM old_skills));
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION talentcloud_skills_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM talentcloud_profile_search_refresh(ARRAY(
                        SELECT "ProfileId" FROM old_skills UNION SELECT "ProfileId" FROM new_skills));
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProfileSearch_SkillsInserted" AFTER INSERT ON "ProfileSkills"
                    REFERENCING NEW TABLE AS new_skills FOR EACH STATEMENT EXECUTE FUNCTION talentcloud_skills_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProfileSearch_SkillsDeleted" AFTER DELETE ON "ProfileSkills"
                    REFERENCING OLD TABLE AS old_skills FOR EACH STATEMENT EXECUTE FUNCTION talentcloud_skills_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProfileSearch_SkillsUpdated" AFTER UPDATE ON "ProfileSkills"
                    REFERENCING OLD TABLE AS old_skills NEW TABLE AS new_skills FOR EACH STATEMENT EXECUTE FUNCTION talentcloud_skills_updated();
                """);

            migrationBuilder.Sql("""
                UPDATE "Profiles" p
                SET "SearchVector" = talentcloud_profile_vector(p."DisplayName", p."Title", talentcloud_profile_skills(p."Id"), p."Bio");
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Profiles_SearchVector" ON "Profiles" USING GIN ("SearchVector");""");

            // Filters and the membership boost read these without touching every profile row (as on SQLite).
            migrationBuilder.Sql("""CREATE INDEX "IX_Profiles_Country_HourlyRate" ON "Profiles" ("Country", "HourlyRate");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_CloudMemberships_CloudId_Status_ProfileId" ON "CloudMemberships" ("CloudId", "Status", "ProfileId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CloudMemberships_CloudId_Status_ProfileId";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Profiles_Country_HourlyRate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ProfileSearch_SkillsUpdated" ON "ProfileSkills";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ProfileSearch_SkillsDeleted" ON "ProfileSkills";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ProfileSearch_SkillsInserted" ON "ProfileSkills";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ProfileSearch_ProfileWritten" ON "Profiles";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_skills_updated();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_skills_deleted();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_skills_inserted();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_profile_search_refresh(integer[]);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_profile_search_row();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_profile_skills(integer);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS talentcloud_profile_vector(text, text, text, text);");
            migrationBuilder.Sql("""ALTER TABLE "Profiles" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS talentcloud;");
            migrationBuilder.Sql("DROP TEXT SEARCH DICTIONARY IF EXISTS talentcloud_stem;");
        }
    }
}
