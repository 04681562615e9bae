using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentCloud.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SkillHolderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProfileSkills_Name",
                table: "ProfileSkills");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSkills_Name_ProfileId",
                table: "ProfileSkills",
                columns: new[] { "Name", "ProfileId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProfileSkills_Name_ProfileId",
                table: "ProfileSkills");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSkills_Name",
                table: "ProfileSkills",
                column: "Name");
        }
    }
}
