using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentCloud.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TalentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over the searchable parts of a profile; rowid is the profile's Id. The porter stemmer lets
            // "developers" find "developer". Triggers keep it in step with every edit, whoever makes it (EF or raw SQL).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ProfileSearch USING fts5(
                    DisplayName, Title, Skills, Bio,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO ProfileSearch(rowid, DisplayName, Title, Skills, Bio)
                SELECT p.Id, p.DisplayName, p.Title,
                       COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = p.Id), ''),
                       p.Bio
                FROM Profiles p;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_ProfileInserted AFTER INSERT ON Profiles BEGIN
                    INSERT INTO ProfileSearch(rowid, DisplayName, Title, Skills, Bio)
                    VALUES (new.Id, new.DisplayName, new.Title,
                            COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = new.Id), ''),
                            new.Bio);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_ProfileUpdated AFTER UPDATE OF DisplayName, Title, Bio ON Profiles BEGIN
                    UPDATE ProfileSearch SET DisplayName = new.DisplayName, Title = new.Title, Bio = new.Bio
                    WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_ProfileDeleted AFTER DELETE ON Profiles BEGIN
                    DELETE FROM ProfileSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_SkillInserted AFTER INSERT ON ProfileSkills BEGIN
                    UPDATE ProfileSearch
                    SET Skills = COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = new.ProfileId), '')
                    WHERE rowid = new.ProfileId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_SkillUpdated AFTER UPDATE ON ProfileSkills BEGIN
                    UPDATE ProfileSearch
                    SET Skills = COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = old.ProfileId), '')
                    WHERE rowid = old.ProfileId;
                    UPDATE ProfileSearch
                    SET Skills = COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = new.ProfileId), '')
                    WHERE rowid = new.ProfileId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProfileSearch_SkillDeleted AFTER DELETE ON ProfileSkills BEGIN
                    UPDATE ProfileSearch
                    SET Skills = COALESCE((SELECT group_concat(s.Name, ' ') FROM ProfileSkills s WHERE s.ProfileId = old.ProfileId), '')
                    WHERE rowid = old.ProfileId;
                END;
                """);
            // Filters and the membership boost read these without touching every profile row.
            migrationBuilder.Sql("CREATE INDEX IX_Profiles_Country_HourlyRate ON Profiles (Country, HourlyRate);");
            migrationBuilder.Sql("CREATE INDEX IX_CloudMemberships_CloudId_Status_ProfileId ON CloudMemberships (CloudId, Status, ProfileId);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_CloudMemberships_CloudId_Status_ProfileId;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_Profiles_Country_HourlyRate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_SkillDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_SkillUpdated;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_SkillInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_ProfileDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_ProfileUpdated;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProfileSearch_ProfileInserted;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProfileSearch;");
        }
    }
}
